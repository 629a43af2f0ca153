package dev.weir.streaming.api.functions.sink;

import dev.weir.api.common.functions.AbstractRichFunction;

/** A {@link SinkFunction} with {@code open}/{@code close} and a runtime context. */
public abstract class RichSinkFunction<IN> extends AbstractRichFunction implements SinkFunction<IN> {
    private static final long serialVersionUID = 1L;
}
