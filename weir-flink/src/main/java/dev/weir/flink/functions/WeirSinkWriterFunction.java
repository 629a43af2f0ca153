package dev.weir.flink.functions;

import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.metrics.MetricGroup;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Runs the writer of a Weir {@link Sink} without committer or writer state (e.g. {@code print()}) in a Flink sink
 * task: the writer is flushed at every Flink checkpoint and at the end of input, so it is at least once, as the sink
 * is on Weir. Committing sinks are refused by the translator.
 */
@SuppressWarnings({"rawtypes", "unchecked", "deprecation"})
public final class WeirSinkWriterFunction extends LegacyRichSinkFunction<Object> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private final Sink weir;
    private transient SinkWriter writer;
    private transient WeirSinkFunction.SinkContextAdapter context;

    public WeirSinkWriterFunction(Sink<?> weir) {
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        var task = getRuntimeContext().getTaskInfo();
        MetricGroup metrics = new FlinkMetricGroup(getRuntimeContext().getMetricGroup());
        context = new WeirSinkFunction.SinkContextAdapter();
        writer = weir.createWriter(new WriterInitContext() {
            @Override
            public int getSubtaskId() {
                return task.getIndexOfThisSubtask();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return task.getNumberOfParallelSubtasks();
            }

            @Override
            public int getAttemptNumber() {
                return task.getAttemptNumber();
            }

            @Override
            public MetricGroup metricGroup() {
                return metrics;
            }
        });
    }

    @Override
    public void invoke(Object value, Context flink) throws Exception {
        context.flink = flink;
        writer.write(value, context);
    }

    @Override
    public void writeWatermark(org.apache.flink.api.common.eventtime.Watermark watermark) throws Exception {
        writer.writeWatermark(watermark.getTimestamp());
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        writer.flush(false);
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
