package dev.weir.jdbc;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.connector.jdbc.JdbcConnectionOptions;
import dev.weir.connector.jdbc.JdbcExecutionOptions;
import dev.weir.connector.jdbc.JdbcStatementBuilder;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.functions.sink.RichSinkFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a changelog of rows to a table with a primary key, as Flink's JDBC table sink does: {@code +I} and {@code +U}
 * rows are upserted, {@code -D} and {@code -U} rows delete their key. The buffer keeps only the latest change per key
 * (a {@code -U} followed by its {@code +U} is one upsert), so a hot key costs one statement per flush; it is
 * written when it holds {@code batchSize} keys, every {@code batchIntervalMs}, at every checkpoint and at the end of the
 * input, so a checkpoint completes only once its changes are in the table and a replay rewrites the same rows.
 *
 * <p>Retries and bad rows as in {@link BatchedJdbcSinkFunction}: a connection failure is retried up to
 * {@code maxRetries} times; a failure caused by the data fails the job naming the row, the statement and the database's
 * message.
 */
public final class ChangelogJdbcSinkFunction extends RichSinkFunction<Row> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    private final String upsertSql;
    private final String deleteSql;
    private final JdbcStatementBuilder<Row> upsertBuilder;
    private final JdbcStatementBuilder<Row> deleteBuilder;
    private final int[] keyFields;
    private final JdbcExecutionOptions executionOptions;
    private final JdbcConnectionOptions connectionOptions;

    private transient Map<Row, Row> latestByKey;
    private transient RecordBatch<Row> upserts;
    private transient RecordBatch<Row> deletes;
    private transient AutoCommitStatements statements;
    private transient TimedFlush timedFlush;

    /**
     * @param upsertBuilder binds a row to {@code upsertSql}
     * @param deleteBuilder binds a row's key to {@code deleteSql}
     * @param keyFields the positions of the primary key's columns in the rows
     */
    public ChangelogJdbcSinkFunction(String upsertSql, JdbcStatementBuilder<Row> upsertBuilder, String deleteSql,
            JdbcStatementBuilder<Row> deleteBuilder, int[] keyFields, JdbcExecutionOptions executionOptions,
            JdbcConnectionOptions connectionOptions) {
        this.upsertSql = Objects.requireNonNull(upsertSql, "upsertSql");
        this.deleteSql = Objects.requireNonNull(deleteSql, "deleteSql");
        this.upsertBuilder = Objects.requireNonNull(upsertBuilder, "upsertBuilder");
        this.deleteBuilder = Objects.requireNonNull(deleteBuilder, "deleteBuilder");
        this.keyFields = keyFields.clone();
        this.executionOptions = Objects.requireNonNull(executionOptions, "executionOptions");
        this.connectionOptions = Objects.requireNonNull(connectionOptions, "connectionOptions");
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        // Nothing to restore: every checkpoint is taken after its changes were written.
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        int batchSize = executionOptions.getBatchSize();
        latestByKey = new LinkedHashMap<>();
        upserts = new RecordBatch<>(upsertSql, upsertBuilder, batchSize);
        deletes = new RecordBatch<>(deleteSql, deleteBuilder, batchSize);
        statements = new AutoCommitStatements(connectionOptions, upsertSql, deleteSql);
        statements.open();
        timedFlush = TimedFlush.every(batchSize > 1 ? executionOptions.getBatchIntervalMs() : 0,
                getRuntimeContext().getTaskNameWithSubtasks(), this::flushOnTimer);
    }

    @Override
    public synchronized void invoke(Row row, Context context) throws Exception {
        timedFlush.throwFailure();
        Row key = Row.project(row, keyFields);
        key.setKind(RowKind.INSERT);
        latestByKey.put(key, row);
        if (latestByKey.size() >= executionOptions.getBatchSize()) {
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

    private static boolean isRetraction(Row change) {
        return change.getKind() == RowKind.DELETE || change.getKind() == RowKind.UPDATE_BEFORE;
    }

    /** Writes the latest change of every buffered key, retrying as Flink does; the changes stay until written. */
    private void flush() throws Exception {
        if (latestByKey.isEmpty()) {
            return;
        }
        upserts.clear();
        deletes.clear();
        for (Row change : latestByKey.values()) {
            (isRetraction(change) ? deletes : upserts).add(change);
        }
        int maxRetries = executionOptions.getMaxRetries();
        for (int attempt = 0; ; attempt++) {
            RecordBatch<Row> current = upserts;
            PreparedStatement statement = statements.statement(0);
            try {
                if (!upserts.isEmpty()) {
                    upserts.writeTo(statements.statement(0));
                }
                current = deletes;
                statement = statements.statement(1);
                if (!deletes.isEmpty()) {
                    deletes.writeTo(statements.statement(1));
                }
                latestByKey.clear();
                upserts.clear();
                deletes.clear();
                return;
            } catch (SQLException e) {
                if (RecordBatch.isCausedByTheData(e)) {
                    throw current.badRow(e, statement, statements.connection());
                }
                if (attempt >= maxRetries) {
                    throw new JdbcWriteException("The JDBC sink could not write " + latestByKey.size() + " changed rows to "
                            + connectionOptions.getDbURL() + " after " + (maxRetries + 1) + " attempts: " + e.getMessage()
                            + " (SQL state " + e.getSQLState() + "). Check that the database is reachable, or raise "
                            + "'sink.max-retries'.", e);
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
