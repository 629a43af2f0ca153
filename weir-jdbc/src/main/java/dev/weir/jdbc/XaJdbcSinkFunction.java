package dev.weir.jdbc;

import dev.weir.api.common.state.CheckpointListener;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.connector.jdbc.JdbcExactlyOnceOptions;
import dev.weir.connector.jdbc.JdbcExecutionOptions;
import dev.weir.connector.jdbc.JdbcStatementBuilder;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.functions.sink.RichSinkFunction;
import dev.weir.util.function.SerializableSupplier;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.XADataSource;

/**
 * The exactly-once JDBC sink of {@code JdbcSink.exactlyOnceSink}: two-phase commit through XA. Each subtask writes
 * its records in one XA transaction per checkpoint (in batches, as the at-least-once sink); at the checkpoint the
 * transaction is ended and prepared, and its id goes into the checkpoint; when the checkpoint completes, it is
 * committed. At the end of bounded input the last transaction is prepared in the task's final snapshot and committed
 * by the job's final checkpoint.
 *
 * <p>On a restore every subtask first commits the transactions of the restored checkpoint that are still prepared
 * (their checkpoint completed; only the commit may have been lost), then rolls back every other transaction this
 * sink prepared (their checkpoint never completed), so no prepared transaction outlives a restore. The ids are kept
 * in union state and each subtask handles the ids of the subtasks whose index maps to it, so a rescaled job recovers
 * them all. Needs checkpointing: without it nothing is committed.
 */
public final class XaJdbcSinkFunction<T> extends RichSinkFunction<T> implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(XaJdbcSinkFunction.class.getName());
    /** The checkpoint id of the final snapshot Weir takes of a task at the end of its input. */
    private static final long FINAL_SNAPSHOT = -1;

    private final String sql;
    private final JdbcStatementBuilder<T> builder;
    private final JdbcExecutionOptions executionOptions;
    private final JdbcExactlyOnceOptions exactlyOnceOptions;
    private final SerializableSupplier<XADataSource> dataSource;

    private transient XaSession session;
    private transient RecordBatch<T> batch;
    private transient ListState<byte[]> preparedState;
    /** Prepared transactions waiting for their checkpoint to complete, oldest first. */
    private transient ArrayDeque<Prepared> prepared;
    private transient long sinkId;
    private transient long run;
    private transient long counter;
    private transient SinkXid current;
    private transient long lastSnapshotId;
    private transient boolean closed;

    public XaJdbcSinkFunction(String sql, JdbcStatementBuilder<T> builder, JdbcExecutionOptions executionOptions,
            JdbcExactlyOnceOptions exactlyOnceOptions, SerializableSupplier<XADataSource> dataSource) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.builder = Objects.requireNonNull(builder, "statementBuilder");
        this.executionOptions = Objects.requireNonNull(executionOptions, "executionOptions");
        this.exactlyOnceOptions = Objects.requireNonNull(exactlyOnceOptions, "exactlyOnceOptions");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSourceSupplier");
    }

    private record Prepared(long checkpointId, SinkXid xid) {
        byte[] encoded() {
            return ByteBuffer.allocate(8 + xid.encoded().length).putLong(checkpointId).put(xid.encoded()).array();
        }

        static Prepared decode(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long checkpointId = buffer.getLong();
            byte[] rest = new byte[buffer.remaining()];
            buffer.get(rest);
            return new Prepared(checkpointId, SinkXid.decode(rest));
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        int subtask = getRuntimeContext().getIndexOfThisSubtask();
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        sinkId = SinkXid.sinkId(getRuntimeContext().getTaskName(), sql);
        run = new SecureRandom().nextLong();
        prepared = new ArrayDeque<>();
        // With parallelism 1 the same instance runs every attempt: start each one clean.
        current = null;
        lastSnapshotId = 0;
        closed = false;
        batch = new RecordBatch<>(sql, builder, executionOptions.getBatchSize());
        session = XaSession.open(dataSource.get(), sql);
        preparedState = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("jdbc-xa-prepared", byte[].class));
        Set<SinkXid> restored = new HashSet<>();
        if (context.isRestored()) {
            for (byte[] entry : preparedState.get()) {
                restored.add(Prepared.decode(entry).xid());
            }
        }
        recover(restored, subtask, parallelism);
        preparedState.clear();
    }

    /** Commits this subtask's share of the restored transactions and rolls back its share of the others. */
    private void recover(Set<SinkXid> restored, int subtask, int parallelism) throws Exception {
        int committed = 0;
        int rolledBack = 0;
        for (SinkXid xid : session.preparedTransactions()) {
            if (xid.sinkId() != sinkId || xid.subtask() % parallelism != subtask) {
                continue;
            }
            if (restored.contains(xid)) {
                session.commit(xid, exactlyOnceOptions.getMaxCommitAttempts());
                committed++;
            } else if (exactlyOnceOptions.isRecoveredAndRollback()) {
                session.rollback(xid);
                rolledBack++;
            }
        }
        if (committed + rolledBack > 0) {
            LOG.log(System.Logger.Level.INFO, getRuntimeContext().getTaskNameWithSubtasks() + ": committed " + committed
                    + " prepared transaction(s) of the restored checkpoint and rolled back " + rolledBack + " of checkpoints that never completed");
        }
    }

    @Override
    public void invoke(T value, Context context) throws Exception {
        if (current == null) {
            current = SinkXid.of(sinkId, getRuntimeContext().getIndexOfThisSubtask(), run, counter++);
            session.start(current, exactlyOnceOptions.getTimeoutSec().orElse(0));
        }
        batch.add(value);
        if (batch.size() >= executionOptions.getBatchSize()) {
            flush();
        }
    }

    /** Writes the batch inside the current transaction; a failure fails the job (its transaction is rolled back on restore). */
    private void flush() throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        try {
            batch.writeTo(session.statement());
            batch.clear();
        } catch (SQLException e) {
            if (RecordBatch.isCausedByTheData(e)) {
                // The transaction is lost anyway: end it now and look for the bad row in a local transaction.
                session.abandon(current);
                current = null;
                throw batch.badRow(e, session.statement(), session.connection());
            }
            throw new JdbcWriteException("The exactly-once JDBC sink could not write a batch of " + batch.size() + " rows with the statement '"
                    + sql + "': " + e.getMessage() + " (SQL state " + e.getSQLState() + "). The job restarts from its last "
                    + "checkpoint and writes them again in a new transaction.", e);
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        long checkpointId = context.getCheckpointId();
        flush();
        if (current != null) {
            if (session.endAndPrepare(current)) {
                prepared.addLast(new Prepared(checkpointId, current));
            }
            current = null;
        }
        if (checkpointId != FINAL_SNAPSHOT) {
            lastSnapshotId = checkpointId;
        }
        List<byte[]> entries = new ArrayList<>(prepared.size());
        for (Prepared p : prepared) {
            entries.add(p.encoded());
        }
        preparedState.update(entries);
    }

    /**
     * Commits every transaction prepared up to that checkpoint. The final snapshot's transaction is committed by the
     * first checkpoint this function did not snapshot itself: it can only have completed with the final snapshot.
     */
    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        Prepared first;
        while ((first = prepared.peekFirst()) != null
                && (first.checkpointId() == FINAL_SNAPSHOT ? checkpointId > lastSnapshotId : first.checkpointId() <= checkpointId)) {
            session.commit(first.xid(), exactlyOnceOptions.getMaxCommitAttempts());
            prepared.removeFirst();
        }
        if (closed) {
            session.close();
        }
    }

    /**
     * Rolls back the transaction in progress. Prepared ones stay: their checkpoint may have completed (then the final
     * notification, or the next restore, commits them) or not (then the next restore rolls them back).
     */
    @Override
    public void close() throws Exception {
        if (session == null) {
            return;
        }
        if (current != null) {
            session.abandon(current);
            current = null;
        }
        // A finished task hears of the final checkpoint after close: its commit reopens the committing connection.
        session.close();
        closed = true;
    }
}
