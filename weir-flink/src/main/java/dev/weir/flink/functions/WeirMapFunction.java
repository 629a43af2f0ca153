package dev.weir.flink.functions;

import dev.weir.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Runs a Weir {@link MapFunction} as a Flink map function. */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirMapFunction extends RichMapFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final MapFunction weir;

    public WeirMapFunction(MapFunction<?, ?> weir) {
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        WeirLifecycle.open(weir, getRuntimeContext());
    }

    @Override
    public Object map(Object value) throws Exception {
        return weir.map(value);
    }

    @Override
    public void close() throws Exception {
        WeirLifecycle.close(weir);
    }
}
