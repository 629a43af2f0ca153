package dev.weir.jdbc;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.connector.jdbc.JdbcConnectionOptions;
import dev.weir.connector.jdbc.JdbcExecutionOptions;
import dev.weir.connector.jdbc.JdbcStatementBuilder;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.functions.sink.RichSinkFunction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The at-least-once JDBC sink of {@code JdbcSink.sink}: records are buffered and written in batches on an
 * auto-commit connection — when the batch is full, every {@code batchIntervalMs} (on a timer thread), at every
 * checkpoint and at the end of the input. A checkpoint completes only after its records are in the database, so a
 * restore replays at most what came after it; with an upsert statement the replay rewrites the same rows and the
 * table ends exactly as without the failure.
 *
 * <p>A write that fails is retried up to {@code maxRetries} times, retry k after k - 1 seconds, on a new connection
 * when the old one is no longer valid (Flink's schedule). Unlike Flink, a failure caused by the data (SQL state class
 * 22, 23 or 42: a value the column cannot hold, a violated constraint, a bad statement) is not retried: the job fails
 * at once with a {@link JdbcWriteException} naming the row, the statement and the database's message.
 */
public final class BatchedJdbcSinkFunction<T> extends RichSinkFunction<T> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final JdbcStatementBuilder<T> builder;
    private final JdbcExecutionOptions executionOptions;
    private final JdbcConnectionOptions connectionOptions;

    private transient Connection connection;
    private transient PreparedStatement statement;
    private transient RecordBatch<T> batch;
    private transient ScheduledExecutorService timer;
    /** A failure of a timed flush, thrown on the sink's thread at its next call. */
    private transient volatile Exception timedFlushFailure;

    public BatchedJdbcSinkFunction(String sql, JdbcStatementBuilder<T> builder, JdbcExecutionOptions executionOptions,
            JdbcConnectionOptions connectionOptions) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.builder = Objects.requireNonNull(builder, "statementBuilder");
        this.executionOptions = Objects.requireNonNull(executionOptions, "executionOptions");
        this.connectionOptions = Objects.requireNonNull(connectionOptions, "connectionOptions");
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        // Nothing to restore: every checkpoint is taken after its records were written.
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        // With parallelism 1 the same instance runs every attempt: start each one clean.
        timedFlushFailure = null;
        batch = new RecordBatch<>(sql, builder, executionOptions.getBatchSize());
        connect();
        long interval = executionOptions.getBatchIntervalMs();
        if (interval > 0 && executionOptions.getBatchSize() > 1) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jdbc-sink-flush " + getRuntimeContext().getTaskNameWithSubtasks());
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::timedFlush, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void invoke(T value, Context context) throws Exception {
        throwTimedFlushFailure();
        batch.add(value);
        if (batch.size() >= executionOptions.getBatchSize()) {
            flush();
        }
    }

    @Override
    public synchronized void snapshotState(FunctionSnapshotContext context) throws Exception {
        throwTimedFlushFailure();
        flush();
    }

    @Override
    public synchronized void finish() throws Exception {
        throwTimedFlushFailure();
        flush();
    }

    private synchronized void timedFlush() {
        if (timedFlushFailure != null) {
            return;
        }
        try {
            flush();
        } catch (Exception e) {
            timedFlushFailure = e;
        }
    }

    private void throwTimedFlushFailure() throws Exception {
        Exception failure = timedFlushFailure;
        if (failure != null) {
            throw failure;
        }
    }

    /** Writes the batch, retrying as Flink does; the records stay buffered until they are written. */
    private void flush() throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        int maxRetries = executionOptions.getMaxRetries();
        for (int attempt = 0; ; attempt++) {
            try {
                batch.writeTo(statement);
                batch.clear();
                return;
            } catch (SQLException e) {
                if (RecordBatch.isCausedByTheData(e)) {
                    throw batch.badRow(e, statement, connection);
                }
                if (attempt >= maxRetries) {
                    throw new JdbcWriteException("The JDBC sink could not write a batch of " + batch.size() + " rows with the statement '"
                            + sql + "' to " + connectionOptions.getDbURL() + " after " + (maxRetries + 1) + " attempts: "
                            + e.getMessage() + " (SQL state " + e.getSQLState() + "). Check that the database is reachable, or "
                            + "raise JdbcExecutionOptions.withMaxRetries.", e);
                }
                reconnectIfInvalid();
                Thread.sleep(1000L * attempt);
            }
        }
    }

    private void reconnectIfInvalid() {
        try {
            if (connection.isValid(connectionOptions.getConnectionCheckTimeoutSeconds())) {
                return;
            }
        } catch (SQLException e) {
            // Treated as invalid.
        }
        closeConnection();
        try {
            connect();
        } catch (SQLException e) {
            // The next attempt fails on the closed statement and retries again, or reports the failure.
        }
    }

    private void connect() throws SQLException {
        connection = Connections.open(connectionOptions);
        connection.setAutoCommit(true);
        statement = connection.prepareStatement(sql);
    }

    @Override
    public void close() throws Exception {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }
        synchronized (this) {
            closeConnection();
        }
    }

    private void closeConnection() {
        try {
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException ignored) {
            // Closing a broken connection's statement may fail; the connection is closed next either way.
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // Nothing left to release.
        }
    }
}
