package dev.weir.api.connector;

import dev.weir.api.functions.AbstractRichFunction;

/** A {@link SinkFunction} with {@code open}/{@code close} and a runtime context. */
public abstract class RichSinkFunction<IN> extends AbstractRichFunction implements SinkFunction<IN> {
    private static final long serialVersionUID = 1L;
}
