package dev.weir.runtime.operators;

import dev.weir.api.connector.Sink;
import dev.weir.api.connector.SinkWriter;
import dev.weir.api.connector.WriterInitContext;
import dev.weir.api.connector.sink.DiscardingSink;
import dev.weir.api.metrics.MetricGroup;

/** {@code DataStream#sinkTo}: feeds one {@link SinkWriter} per subtask. */
public final class SinkWriterOperator extends AbstractStreamOperator implements OneInputOperator, SinkWriter.Context {
    private final Sink<Object> sink;
    private SinkWriter<Object> writer;
    private long elementTimestamp;

    public SinkWriterOperator(Sink<Object> sink) {
        this.sink = sink;
    }

    @Override
    public void open() throws Exception {
        OperatorContext ctx = context;
        writer = sink.createWriter(new WriterInitContext() {
            @Override
            public int getSubtaskId() {
                return ctx.subtaskIndex();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return ctx.parallelism();
            }

            @Override
            public int getAttemptNumber() {
                return ctx.attemptNumber();
            }

            @Override
            public MetricGroup metricGroup() {
                return ctx.metricGroup();
            }
        });
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
    public void endInput() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }

    /** Sinks may block on I/O, so they get a thread of their own; the discarding sink never blocks. */
    @Override
    public boolean isCooperative() {
        return sink instanceof DiscardingSink;
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
