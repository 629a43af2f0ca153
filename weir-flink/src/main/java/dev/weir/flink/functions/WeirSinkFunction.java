package dev.weir.flink.functions;

import dev.weir.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.api.common.functions.OpenContext;

/** Runs a Weir {@link SinkFunction} ({@code addSink}) as a Flink sink function. */
@SuppressWarnings({"rawtypes", "unchecked", "deprecation"})
public final class WeirSinkFunction extends LegacyRichSinkFunction<Object> {
    private static final long serialVersionUID = 1L;
    private final SinkFunction weir;
    private transient SinkContextAdapter context;

    public WeirSinkFunction(SinkFunction<?> weir) {
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        context = new SinkContextAdapter();
        WeirLifecycle.open(weir, getRuntimeContext());
    }

    @Override
    public void invoke(Object value, Context flink) throws Exception {
        context.flink = flink;
        weir.invoke(value, context);
    }

    @Override
    public void finish() throws Exception {
        weir.finish();
    }

    @Override
    public void close() throws Exception {
        WeirLifecycle.close(weir);
    }

    /** Flink's sink context as Weir's, re-aimed per element. */
    static final class SinkContextAdapter implements SinkFunction.Context, dev.weir.api.connector.sink2.SinkWriter.Context {
        LegacyRichSinkFunction.Context flink;

        @Override
        public long currentProcessingTime() {
            return flink.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return flink.currentWatermark();
        }

        @Override
        public Long timestamp() {
            return Timestamps.toWeir(flink.timestamp());
        }
    }
}
