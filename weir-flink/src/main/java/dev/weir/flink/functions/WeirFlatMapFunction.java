package dev.weir.flink.functions;

import dev.weir.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/** Runs a Weir {@link FlatMapFunction} as a Flink flat-map function. */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirFlatMapFunction extends RichFlatMapFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final FlatMapFunction weir;
    private transient CollectorAdapter out;

    public WeirFlatMapFunction(FlatMapFunction<?, ?> weir) {
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        out = new CollectorAdapter();
        WeirLifecycle.open(weir, getRuntimeContext());
    }

    @Override
    public void flatMap(Object value, Collector<Object> collector) throws Exception {
        weir.flatMap(value, out.aim(collector));
    }

    @Override
    public void close() throws Exception {
        WeirLifecycle.close(weir);
    }
}
