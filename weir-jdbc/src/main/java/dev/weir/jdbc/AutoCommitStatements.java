package dev.weir.jdbc;

import dev.weir.connector.jdbc.JdbcConnectionOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * An auto-commit connection and its prepared statements, as the batched sinks write through them: opened anew when the
 * database says the connection is no longer valid, so a retry after a lost connection has somewhere to go.
 */
final class AutoCommitStatements implements AutoCloseable {
    private final JdbcConnectionOptions options;
    private final String[] sql;
    private Connection connection;
    private final PreparedStatement[] statements;

    AutoCommitStatements(JdbcConnectionOptions options, String... sql) {
        this.options = options;
        this.sql = sql.clone();
        this.statements = new PreparedStatement[sql.length];
    }

    /** Opens the connection and prepares every statement. */
    void open() throws SQLException {
        connection = Connections.open(options);
        connection.setAutoCommit(true);
        for (int i = 0; i < sql.length; i++) {
            statements[i] = connection.prepareStatement(sql[i]);
        }
    }

    Connection connection() {
        return connection;
    }

    /** The statement of {@code sql[index]}. */
    PreparedStatement statement(int index) {
        return statements[index];
    }

    /** Opens a new connection when the current one is no longer valid (a retry then writes through it). */
    void reopenIfInvalid() {
        try {
            if (connection.isValid(options.getConnectionCheckTimeoutSeconds())) {
                return;
            }
        } catch (SQLException e) {
            // Treated as invalid.
        }
        close();
        try {
            open();
        } catch (SQLException e) {
            // The next attempt fails on the closed statement and retries again, or reports the failure.
        }
    }

    /** Closes the statements and the connection; closing a broken connection may fail, and nothing is then left. */
    @Override
    public void close() {
        for (int i = 0; i < statements.length; i++) {
            closeQuietly(statements[i]);
            statements[i] = null;
        }
        closeQuietly(connection);
        connection = null;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // Nothing left to release.
        }
    }
}
