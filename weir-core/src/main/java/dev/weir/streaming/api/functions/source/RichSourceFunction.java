package dev.weir.streaming.api.functions.source;

import dev.weir.api.common.functions.AbstractRichFunction;

/**
 * A non-parallel {@link SourceFunction} with {@code open}/{@code close} and a runtime context; {@code open} is
 * called before {@link #run}, on the task's thread, {@code close} after it returned or was cancelled.
 *
 * @deprecated as in Flink 1.x; new sources implement {@code dev.weir.api.connector.source.Source}.
 */
@Deprecated
public abstract class RichSourceFunction<OUT> extends AbstractRichFunction implements SourceFunction<OUT> {
    private static final long serialVersionUID = 1L;
}
