package dev.weir.jdbc.table;

import dev.weir.connector.jdbc.JdbcConnectionOptions;
import dev.weir.jdbc.Connections;
import dev.weir.sql.connector.LookupFunction;
import dev.weir.types.Row;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code jdbc} connector's lookup for lookup joins, as Flink's {@code JdbcRowDataLookupFunction}: one prepared
 * {@code SELECT ... WHERE k1 = ? AND ...} per subtask; a failed query is retried {@code lookup.max-retries} times on a
 * fresh connection (the old one may be the cause), then fails the job naming the table, the key and the database's
 * message.
 */
final class JdbcLookupFunction implements LookupFunction {
    private static final long serialVersionUID = 1L;
    private static final long RETRY_BACKOFF_MILLIS = 100;

    private final JdbcConnectionOptions connectionOptions;
    private final String table;
    private final String sql;
    private final RowStatementBuilder keyBinder;
    private final ColumnReader[] columns;
    private final int maxRetries;
    private transient Connection connection;
    private transient PreparedStatement statement;

    JdbcLookupFunction(JdbcConnectionOptions connectionOptions, String table, String sql, RowStatementBuilder keyBinder,
            ColumnReader[] columns, int maxRetries) {
        this.connectionOptions = connectionOptions;
        this.table = table;
        this.sql = sql;
        this.keyBinder = keyBinder;
        this.columns = columns.clone();
        this.maxRetries = maxRetries;
    }

    @Override
    public void open() throws SQLException {
        connect();
    }

    private void connect() throws SQLException {
        connection = Connections.open(connectionOptions);
        statement = connection.prepareStatement(sql);
    }

    @Override
    public List<Row> lookup(Row key) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (statement == null) {
                    connect();
                }
                keyBinder.accept(statement, key);
                List<Row> rows = new ArrayList<>(1);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(ColumnReader.readRow(rs, columns));
                    }
                }
                return rows;
            } catch (SQLException e) {
                if (attempt >= maxRetries) {
                    throw new IOException("The jdbc lookup of key " + key + " in table '" + table + "' (" + connectionOptions.getDbURL()
                            + ") failed after " + (attempt + 1) + " attempts running '" + sql + "': " + e.getMessage()
                            + "; check the database, or raise 'lookup.max-retries'", e);
                }
                closeQuietly();
                try {
                    Thread.sleep(RETRY_BACKOFF_MILLIS * (attempt + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while retrying the jdbc lookup in table '" + table + "'", interrupted);
                }
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (SQLException ignored) {
            // the connection is being replaced because it failed; its close may fail the same way
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (statement != null) {
                statement.close();
            }
        } finally {
            statement = null;
            if (connection != null) {
                Connection c = connection;
                connection = null;
                c.close();
            }
        }
    }
}
