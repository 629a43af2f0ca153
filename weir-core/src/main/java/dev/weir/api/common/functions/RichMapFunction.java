package dev.weir.api.common.functions;

/** A {@link MapFunction} with {@code open}/{@code close} and a runtime context. */
public abstract class RichMapFunction<T, O> extends AbstractRichFunction implements MapFunction<T, O> {
    private static final long serialVersionUID = 1L;
}
