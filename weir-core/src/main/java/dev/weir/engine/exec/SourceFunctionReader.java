package dev.weir.engine.exec;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichFunction;
import dev.weir.api.common.functions.RuntimeContext;
import dev.weir.api.common.state.CheckpointListener;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.api.common.state.OperatorStateStore;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.core.io.InputStatus;
import dev.weir.engine.checkpoint.HeapOperatorStateStore;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.operators.Output;
import dev.weir.engine.operators.WatermarkEmitter;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.functions.source.SourceFunction;
import dev.weir.streaming.api.watermark.Watermark;
import java.util.List;
import java.util.Map;

/**
 * Runs a legacy {@link SourceFunction} for its source task, as Flink's legacy source thread does: {@code run} on a
 * thread of its own, emitting through a {@link SourceHandoff} that the task drains in {@link #pollNext}, so the
 * task's worker never blocks. Checkpoints take the source's checkpoint lock, then snapshot the function (when it is
 * a {@link CheckpointedFunction}) together with the items still in the handoff, which a restore sends first.
 */
final class SourceFunctionReader implements SourceReader<Object>, SourceHandoff.ItemSink {
    private static final int CAPACITY = 1024;
    private static final int ITEMS_PER_POLL = 256;
    private static final long JOIN_MILLIS = 30_000;
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {
    };

    private final SourceFunction<Object> function;
    private final String taskName;
    private final WatermarkEmitter watermarks;
    private final RuntimeContext runtimeContext;
    private final Map<String, OperatorStateSnapshot.Entry> restoredState;
    private final boolean restored;
    private final Object checkpointLock = new Object();
    private final SourceHandoff handoff = new SourceHandoff(CAPACITY);
    private HeapOperatorStateStore stateStore;
    private SourceFunctionPending restoredPending;
    private ReaderOutput<Object> output;
    private Thread thread;
    private volatile boolean finished;
    private volatile boolean cancelled;
    private volatile Throwable failure;

    SourceFunctionReader(SourceFunction<Object> function, String taskName, WatermarkEmitter watermarks, RuntimeContext runtimeContext,
                         Map<String, OperatorStateSnapshot.Entry> restoredState, boolean restored) {
        this.function = function;
        this.taskName = taskName;
        this.watermarks = watermarks;
        this.runtimeContext = runtimeContext;
        this.restoredState = restoredState;
        this.restored = restored;
    }

    @Override
    public void restoreState(Object state) {
        if (!(state instanceof SourceFunctionPending pending)) {
            throw new IllegalStateException(taskName + ": the restored position of this SourceFunction is a "
                    + (state == null ? "null" : state.getClass().getName()) + ", not the elements it had emitted: was the "
                    + "checkpoint taken by a job with another source at this place?");
        }
        restoredPending = pending;
    }

    /** Initializes the function's state, opens it, queues what a restore brought back, and starts its thread. */
    @Override
    public void start() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.setRuntimeContext(runtimeContext);
        }
        if (function instanceof CheckpointedFunction checkpointed) {
            stateStore = new HeapOperatorStateStore(restoredState);
            HeapOperatorStateStore store = stateStore;
            checkpointed.initializeState(new FunctionInitializationContext() {
                @Override
                public boolean isRestored() {
                    return restored;
                }

                @Override
                public OperatorStateStore getOperatorStateStore() {
                    return store;
                }

                @Override
                public KeyedStateStore getKeyedStateStore() {
                    throw new UnsupportedOperationException("Keyed state is only available on a keyed stream; a source "
                            + "function has operator state only (getOperatorStateStore())");
                }
            });
        }
        if (function instanceof RichFunction rich) {
            rich.open(OPEN_CONTEXT);
        }
        if (restoredPending != null) {
            handoff.allowOverflow(true);
            for (int i = 0; i < restoredPending.kinds.length; i++) {
                handoff.put(restoredPending.kinds[i], restoredPending.values.get(i), restoredPending.timestamps[i]);
            }
            handoff.allowOverflow(false);
            restoredPending = null;
        }
        thread = new Thread(this::runFunction, "Legacy Source Thread - " + taskName);
        thread.setDaemon(true);
        thread.start();
    }

    private void runFunction() {
        try {
            function.run(new Context());
        } catch (Throwable t) {
            if (!cancelled) {
                failure = t;
            }
        } finally {
            finished = true;
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Object> output) throws Exception {
        // Read before draining: whatever the thread put before it finished is then seen by this drain or the next.
        boolean ended = finished;
        this.output = output;
        int drained = handoff.drainTo(this, ITEMS_PER_POLL);
        if (drained > 0) {
            return InputStatus.MORE_AVAILABLE;
        }
        if (!ended) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        Throwable t = failure;
        if (t != null) {
            throw Sneaky.rethrow(t);
        }
        return handoff.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public void accept(byte kind, Object value, long timestamp) {
        switch (kind) {
            case SourceHandoff.ELEMENT -> output.collect(value, timestamp);
            case SourceHandoff.WATERMARK -> watermarks.emitWatermark(timestamp);
            default -> watermarks.markIdle();
        }
    }

    /**
     * Snapshots the function and the items not yet sent, both under the checkpoint lock. A source thread waiting for
     * room in the handoff while it holds the lock is let through first, so the lock is released in bounded time.
     */
    void snapshotInto(OperatorStateSnapshot snapshot, long checkpointId, long timestamp) throws Exception {
        handoff.allowOverflow(true);
        synchronized (checkpointLock) {
            handoff.allowOverflow(false);
            // Also once run() returned: elements it emitted may still wait in the handoff, and the function's state
            // must count them, as the pending list below repeats them after a restore.
            if (function instanceof CheckpointedFunction checkpointed) {
                checkpointed.snapshotState(new FunctionSnapshotContext() {
                    @Override
                    public long getCheckpointId() {
                        return checkpointId;
                    }

                    @Override
                    public long getCheckpointTimestamp() {
                        return timestamp;
                    }
                });
            }
            if (stateStore != null) {
                stateStore.snapshotInto(snapshot);
            }
            snapshot.put(SourceTask.POSITION, OperatorStateSnapshot.Mode.SUBTASK, List.of(handoff.copy()));
        }
    }

    /** Tells a function that is a {@link CheckpointListener} of a completed checkpoint, under the checkpoint lock. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (function instanceof CheckpointListener listener) {
            synchronized (checkpointLock) {
                listener.notifyCheckpointComplete(checkpointId);
            }
        }
    }

    // ---- lifecycle, on the task's thread

    /** Cancels a running function, waits for its thread, then closes it. */
    @Override
    public void close() throws Exception {
        handoff.close();
        if (thread != null && !finished) {
            cancelled = true;
            function.cancel();
            thread.interrupt();
            thread.join(JOIN_MILLIS);
        }
        if (function instanceof RichFunction rich && thread != null) {
            rich.close();
        }
    }

    /** The {@link SourceFunction.SourceContext} the function emits to; called on the source's thread. */
    private final class Context implements SourceFunction.SourceContext<Object> {
        @Override
        public void collect(Object element) {
            put(SourceHandoff.ELEMENT, element, Output.NO_TIMESTAMP);
        }

        @Override
        public void collectWithTimestamp(Object element, long timestamp) {
            put(SourceHandoff.ELEMENT, element, timestamp);
        }

        @Override
        public void emitWatermark(Watermark mark) {
            put(SourceHandoff.WATERMARK, null, mark.getTimestamp());
        }

        @Override
        public void markAsTemporarilyIdle() {
            put(SourceHandoff.IDLE, null, 0L);
        }

        @Override
        public Object getCheckpointLock() {
            return checkpointLock;
        }

        @Override
        public void close() {
            // Nothing to release: the runtime ends the handoff when the task closes.
        }

        private void put(byte kind, Object value, long timestamp) {
            if (kind == SourceHandoff.ELEMENT && value == null) {
                throw new NullPointerException(taskName + ": the SourceFunction emitted null; records must not be null");
            }
            // Emitting under the lock, as Flink's source contexts do, keeps a checkpoint from falling between the element
            // and the state update of a source that takes the lock around both.
            synchronized (checkpointLock) {
                try {
                    handoff.put(kind, value, timestamp);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(taskName + ": interrupted while waiting to emit (the job is stopping)", e);
                }
            }
        }
    }}
