package dev.weir.jdbc;

import dev.weir.connector.jdbc.JdbcStatementBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * The records of one JDBC batch, kept until the batch is written so that a failed write can be retried with the same
 * records and a bad row can be named. The list is sized once for the batch: adding a record allocates nothing.
 */
final class RecordBatch<T> {
    private final String sql;
    private final JdbcStatementBuilder<T> builder;
    private final ArrayList<T> records;

    RecordBatch(String sql, JdbcStatementBuilder<T> builder, int batchSize) {
        this.sql = sql;
        this.builder = builder;
        this.records = new ArrayList<>(Math.min(batchSize, 100_000));
    }

    void add(T record) {
        records.add(record);
    }

    int size() {
        return records.size();
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    void clear() {
        records.clear();
    }

    /** Binds every record to the statement and executes them as one batch; the records stay until {@link #clear}. */
    void writeTo(PreparedStatement statement) throws SQLException {
        try {
            for (int i = 0, n = records.size(); i < n; i++) {
                builder.accept(statement, records.get(i));
                statement.addBatch();
            }
            statement.executeBatch();
        } finally {
            statement.clearBatch();
        }
    }

    /**
     * Whether the failure is the data's or the statement's fault, so that writing the same batch again fails the same
     * way: SQL states of class 22 (a value the column cannot hold), 23 (a violated constraint) and 42 (a bad statement
     * or a missing table). Connection losses, deadlocks and timeouts are worth a retry.
     */
    static boolean isCausedByTheData(SQLException e) {
        String state = rootState(e);
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
    }

    private static String rootState(SQLException e) {
        SQLException next = e.getNextException();
        if (next != null && next.getSQLState() != null) {
            return next.getSQLState();
        }
        return e.getSQLState();
    }

    /**
     * The error for a batch the database refused because of its data: names the row, the statement and the database's
     * message. Drivers do not reliably say which row of a batch failed (PostgreSQL's reports every row as failed), so
     * the rows are written again one by one until one fails — in a transaction rolled back afterwards when
     * {@code connection} is given, else inside the caller's transaction, which is doomed anyway.
     */
    JdbcWriteException badRow(SQLException batchFailure, PreparedStatement statement, Connection connection) {
        int row = -1;
        SQLException cause = batchFailure.getNextException() != null ? batchFailure.getNextException() : batchFailure;
        try {
            if (connection != null) {
                connection.setAutoCommit(false);
            }
            try {
                for (int i = 0, n = records.size(); i < n && row < 0; i++) {
                    try {
                        builder.accept(statement, records.get(i));
                        statement.executeUpdate();
                    } catch (SQLException e) {
                        row = i;
                        cause = e;
                    }
                }
            } finally {
                if (connection != null) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            // The search is a courtesy: report the batch's own failure without the row.
        }
        String what = row >= 0
                ? "row " + (row + 1) + " of a batch of " + records.size() + ", " + records.get(row) + ","
                : "a batch of " + records.size() + " rows (the first is " + records.get(0) + ")";
        return new JdbcWriteException("The JDBC sink could not write " + what + " with the statement '" + sql + "': the database said: "
                + cause.getMessage() + " (SQL state " + cause.getSQLState() + "). Fix or filter such rows before the sink, or "
                + "change the statement (e.g. an upsert, INSERT ... ON CONFLICT (key) DO UPDATE, for rows that repeat a key).", batchFailure);
    }
}
