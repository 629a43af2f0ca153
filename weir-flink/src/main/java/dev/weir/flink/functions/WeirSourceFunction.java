package dev.weir.flink.functions;

import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.builtin.FromElementsSource;
import dev.weir.core.io.InputStatus;
import dev.weir.engine.checkpoint.storage.StateSerializers;
import dev.weir.flink.FlinkTypes;
import dev.weir.metrics.MetricGroup;
import java.util.Iterator;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Runs a Weir {@link Source} in a Flink source task: each parallel instance creates the Weir reader of its subtask
 * (Weir's sources split their input by subtask index) and polls it under Flink's checkpoint lock. The reader's
 * position is kept in Flink's operator state, so the source resumes from Flink's checkpoints at the same parallelism.
 */
@SuppressWarnings({"rawtypes", "unchecked", "deprecation"})
public final class WeirSourceFunction extends LegacyRichParallelSourceFunction<Object> implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    /** How long an idle reader waits before it is polled again. */
    private static final long IDLE_PARK_NANOS = 1_000_000L;
    /** The source, shipped by Java serialization; null for a fromData source, which is shipped as {@link #elements}. */
    private final Source shipped;
    /**
     * A fromData source serialized as Weir serializes state: its elements need not be {@code Serializable} (Weir never
     * ships them), and Java serialization, which Flink uses for functions, would refuse e.g. records.
     */
    private final byte[] elements;
    private transient Source weir;
    private transient SourceReader reader;
    private transient ListState<Object> position;
    private transient Object restoredPosition;
    private volatile boolean running = true;

    public WeirSourceFunction(Source<?> weir) {
        if (weir instanceof FromElementsSource) {
            this.shipped = null;
            this.elements = StateSerializers.create(Thread.currentThread().getContextClassLoader()).serialize(weir);
        } else {
            this.shipped = weir;
            this.elements = null;
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("weir-source-position", FlinkTypes.OBJECT));
        if (context.isRestored()) {
            Iterator<Object> restored = position.get().iterator();
            restoredPosition = restored.hasNext() ? restored.next() : null;
        }
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        weir = shipped != null ? shipped
                : (Source) StateSerializers.create(getRuntimeContext().getUserCodeClassLoader()).deserialize(elements);
        var task = getRuntimeContext().getTaskInfo();
        MetricGroup metrics = new FlinkMetricGroup(getRuntimeContext().getMetricGroup());
        reader = weir.createReader(new SourceReaderContext() {
            @Override
            public int getIndexOfSubtask() {
                return task.getIndexOfThisSubtask();
            }

            @Override
            public int getParallelism() {
                return task.getNumberOfParallelSubtasks();
            }

            @Override
            public MetricGroup metricGroup() {
                return metrics;
            }
        });
        if (restoredPosition != null) {
            reader.restoreState(restoredPosition);
        }
        reader.start();
    }

    @Override
    public void run(SourceContext<Object> ctx) throws Exception {
        ReaderOutput<Object> output = new ContextOutput(ctx);
        Object lock = ctx.getCheckpointLock();
        while (running) {
            InputStatus status;
            synchronized (lock) {
                status = reader.pollNext(output);
            }
            if (status == InputStatus.END_OF_INPUT) {
                return;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        position.clear();
        Object snapshot = reader == null ? restoredPosition : reader.snapshotState(context.getCheckpointId());
        if (snapshot != null) {
            position.add(snapshot);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (reader != null) {
            reader.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }

    /** The Weir reader's output on Flink's source context. */
    private static final class ContextOutput implements ReaderOutput<Object> {
        private final SourceContext<Object> ctx;

        ContextOutput(SourceContext<Object> ctx) {
            this.ctx = ctx;
        }

        @Override
        public void collect(Object record) {
            ctx.collect(record);
        }

        @Override
        public void collect(Object record, long timestamp) {
            ctx.collectWithTimestamp(record, timestamp);
        }

        @Override
        public void markIdle() {
            ctx.markAsTemporarilyIdle();
        }
    }
}
