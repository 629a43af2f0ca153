package dev.weir.jdbc;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.connector.jdbc.JdbcConnectionOptions;
import dev.weir.connector.jdbc.JdbcExecutionOptions;
import dev.weir.connector.jdbc.JdbcStatementBuilder;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.functions.sink.RichSinkFunction;
import java.sql.SQLException;
import java.util.Objects;

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

    private transient AutoCommitStatements statements;
    private transient RecordBatch<T> batch;
    private transient TimedFlush timedFlush;

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
        batch = new RecordBatch<>(sql, builder, executionOptions.getBatchSize());
        statements = new AutoCommitStatements(connectionOptions, sql);
        statements.open();
        timedFlush = TimedFlush.every(executionOptions.getBatchSize() > 1 ? executionOptions.getBatchIntervalMs() : 0,
                getRuntimeContext().getTaskNameWithSubtasks(), this::flushOnTimer);
    }

    @Override
    public synchronized void invoke(T value, Context context) throws Exception {
        timedFlush.throwFailure();
        batch.add(value);
        if (batch.size() >= executionOptions.getBatchSize()) {
            flush();
        }
    }

    @Override
    public synchronized void snapshotState(FunctionSnapshotContext context) throws Exception {
        timedFlush.throwFailure();
        flush();
    }

    @Override
    public synchronized void finish() throws Exception {
        timedFlush.throwFailure();
        flush();
    }

    private synchronized void flushOnTimer() throws Exception {
        flush();
    }

    /** Writes the batch, retrying as Flink does; the records stay buffered until they are written. */
    private void flush() throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        int maxRetries = executionOptions.getMaxRetries();
        for (int attempt = 0; ; attempt++) {
            try {
                batch.writeTo(statements.statement(0));
                batch.clear();
                return;
            } catch (SQLException e) {
                if (RecordBatch.isCausedByTheData(e)) {
                    throw batch.badRow(e, statements.statement(0), statements.connection());
                }
                if (attempt >= maxRetries) {
                    throw new JdbcWriteException("The JDBC sink could not write a batch of " + batch.size() + " rows with the statement '"
                            + sql + "' to " + connectionOptions.getDbURL() + " after " + (maxRetries + 1) + " attempts: "
                            + e.getMessage() + " (SQL state " + e.getSQLState() + "). Check that the database is reachable, or "
                            + "raise JdbcExecutionOptions.withMaxRetries.", e);
                }
                statements.reopenIfInvalid();
                Thread.sleep(1000L * attempt);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (timedFlush != null) {
            timedFlush.close();
        }
        synchronized (this) {
            if (statements != null) {
                statements.close();
            }
        }
    }
}
