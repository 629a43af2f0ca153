package dev.weir.flink.functions;

import dev.weir.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;

/** Runs a Weir {@link FilterFunction} as a Flink filter. */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirFilterFunction extends RichFilterFunction<Object> {
    private static final long serialVersionUID = 1L;
    private final FilterFunction weir;

    public WeirFilterFunction(FilterFunction<?> weir) {
        this.weir = weir;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        WeirLifecycle.open(weir, getRuntimeContext());
    }

    @Override
    public boolean filter(Object value) throws Exception {
        return weir.filter(value);
    }

    @Override
    public void close() throws Exception {
        WeirLifecycle.close(weir);
    }
}
