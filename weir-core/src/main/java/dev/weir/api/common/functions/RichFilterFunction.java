package dev.weir.api.common.functions;

/** A {@link FilterFunction} with {@code open}/{@code close} and a runtime context. */
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {
    private static final long serialVersionUID = 1L;
}
