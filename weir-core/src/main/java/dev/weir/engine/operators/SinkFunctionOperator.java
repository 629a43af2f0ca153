package dev.weir.engine.operators;

import dev.weir.api.common.eventtime.Watermark;
import dev.weir.streaming.api.functions.sink.SinkFunction;

/** {@code DataStream#addSink}: calls the sink function per element. */
public final class SinkFunctionOperator extends UdfOperator<SinkFunction<Object>> implements OneInputOperator, SinkFunction.Context {
    private long elementTimestamp;

    public SinkFunctionOperator(SinkFunction<Object> function) {
        super(function);
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        elementTimestamp = timestamp;
        function.invoke(value, this);
    }

    /** Hands the watermark to the function as well; one object per watermark, never per element. */
    @Override
    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        function.writeWatermark(new Watermark(watermark));
    }

    @Override
    public void processIdleness(boolean idle) {
    }

    @Override
    public void endInput() throws Exception {
        function.finish();
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    public long currentProcessingTime() {
        return context.processingTimeService().getCurrentProcessingTime();
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
