package dev.weir.engine.operators;

import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.connector.sink2.CommittingSinkWriter;
import dev.weir.builtin.CooperativeSink;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.StatefulSinkWriter;
import dev.weir.api.connector.sink2.SupportsCommitter;
import dev.weir.api.connector.sink2.SupportsWriterState;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.StateInitialization;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code DataStream#sinkTo}: feeds one {@link SinkWriter} per subtask. For a two-phase-commit sink it prepares
 * committables on every checkpoint, keeps them in the checkpoint, and commits them when the checkpoint completes;
 * committables restored from a checkpoint are committed again at start (commits are idempotent). Without
 * checkpointing, it commits at the end of input. The commit methods are synchronized: once the task has finished,
 * the checkpoint coordinator's thread and the job's end may both call them.
 */
public final class SinkWriterOperator extends AbstractStreamOperator implements OneInputOperator, SinkWriter.Context {
    static final String COMMITTABLES = "_sink_committables";
    static final String WRITER_STATE = "_sink_writer_state";

    private final Sink<Object> sink;
    private SinkWriter<Object> writer;
    private long elementTimestamp;
    /** Prepared and not yet committed: pairs of (checkpoint id, committable); the final ones have Long.MAX_VALUE. */
    private final List<Object[]> pending = new ArrayList<>();
    private StateInitialization initialization = StateInitialization.FRESH;
    private boolean ended;

    public SinkWriterOperator(Sink<Object> sink) {
        this.sink = sink;
    }

    @Override
    public void initializeState(StateInitialization initialization) {
        this.initialization = initialization;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        // Commit what the restored checkpoint prepared before a writer exists: a new writer may clear what was not.
        OperatorStateSnapshot.Entry restored = initialization.get(COMMITTABLES);
        if (restored != null && !restored.values.isEmpty()) {
            commit(restored.values);
        }
        WriterInitContext init = new SinkInitContext(context, initialization.restored()
                ? OptionalLong.of(initialization.restoredCheckpointId()) : OptionalLong.empty());
        OperatorStateSnapshot.Entry writerState = initialization.get(WRITER_STATE);
        if (sink instanceof SupportsWriterState<?, ?> stateful && writerState != null && !writerState.values.isEmpty()) {
            writer = ((SupportsWriterState<Object, Object>) stateful).restoreWriter(init, writerState.values);
        } else {
            writer = sink.createWriter(init);
        }
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        elementTimestamp = timestamp;
        writer.write(value, this);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        writer.writeWatermark(watermark);
    }

    @Override
    public void processIdleness(boolean idle) {
    }

    @Override
    public synchronized void snapshotState(OperatorStateSnapshot snapshot, long checkpointId, long timestamp) throws Exception {
        if (writer == null) {
            return;
        }
        if (!ended) {
            writer.flush(false);
            prepare(checkpointId);
        }
        List<Object> committables = new ArrayList<>(pending.size());
        for (Object[] p : pending) {
            committables.add(p[1]);
        }
        snapshot.put(COMMITTABLES, OperatorStateSnapshot.Mode.EVEN_SPLIT, committables);
        if (writer instanceof StatefulSinkWriter<?, ?> stateful) {
            snapshot.put(WRITER_STATE, OperatorStateSnapshot.Mode.EVEN_SPLIT, stateful.snapshotState(checkpointId));
        }
    }

    @Override
    public synchronized void notifyCheckpointComplete(long checkpointId) throws Exception {
        // The final committables (prepared at the end of input, marked Long.MAX_VALUE) are not committed here: this
        // checkpoint may have been taken before the end of input. They are committed when the job finishes, or
        // again on restore from a checkpoint that holds them.
        // A loop, not removeIf with a lambda: this class is cloned as a hidden class (see ClassCloner).
        List<Object> due = new ArrayList<>();
        List<Object[]> later = new ArrayList<>();
        for (Object[] p : pending) {
            if ((Long) p[0] <= checkpointId) {
                due.add(p[1]);
            } else {
                later.add(p);
            }
        }
        pending.clear();
        pending.addAll(later);
        commit(due);
    }

    @Override
    public synchronized void endInput() throws Exception {
        writer.flush(true);
        prepare(Long.MAX_VALUE);
        ended = true;
        if (!context.checkpointingEnabled()) {
            notifyJobFinished();
        }
    }

    @Override
    public synchronized void notifyJobFinished() throws Exception {
        List<Object> all = new ArrayList<>(pending.size());
        for (Object[] p : pending) {
            all.add(p[1]);
        }
        pending.clear();
        commit(all);
    }

    private void prepare(long checkpointId) throws Exception {
        if (writer instanceof CommittingSinkWriter<?, ?> committing) {
            for (Object c : committing.prepareCommit()) {
                pending.add(new Object[] {checkpointId, c});
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void commit(List<Object> committables) throws Exception {
        if (committables.isEmpty() || !(sink instanceof SupportsCommitter<?> committing)) {
            return;
        }
        try (Committer<Object> committer = ((SupportsCommitter<Object>) committing).createCommitter()) {
            committer.commit(committables);
        }
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }

    /** Sinks may block on I/O, so they get a thread of their own; the discarding sink and cooperative ones never block. */
    @Override
    public boolean isCooperative() {
        return sink instanceof DiscardingSink || sink instanceof CooperativeSink;
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    @Override
    public Long timestamp() {
        return elementTimestamp == Output.NO_TIMESTAMP ? null : elementTimestamp;
    }
}
