package dev.weir.flink.functions;

import dev.weir.api.common.functions.ReduceFunction;

/**
 * Runs a Weir {@link ReduceFunction} as a Flink reduce function. Not rich, because Flink refuses rich reduce functions
 * in windows and reducing state; the translator refuses a rich Weir reduce function for that reason.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirReduceFunction implements org.apache.flink.api.common.functions.ReduceFunction<Object> {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction weir;

    public WeirReduceFunction(ReduceFunction<?> weir) {
        this.weir = weir;
    }

    @Override
    public Object reduce(Object a, Object b) throws Exception {
        return weir.reduce(a, b);
    }
}
