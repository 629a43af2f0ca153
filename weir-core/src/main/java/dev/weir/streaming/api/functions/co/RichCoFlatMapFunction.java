package dev.weir.streaming.api.functions.co;

import dev.weir.api.common.functions.AbstractRichFunction;

/** A {@link CoFlatMapFunction} with {@code open}/{@code close} and a runtime context. */
public abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoFlatMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
