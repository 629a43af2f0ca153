package dev.weir.api.common.functions;

/** An {@link AggregateFunction} with {@code open}/{@code close} and a runtime context. */
public abstract class RichAggregateFunction<IN, ACC, OUT> extends AbstractRichFunction
        implements AggregateFunction<IN, ACC, OUT> {
    private static final long serialVersionUID = 1L;
}
