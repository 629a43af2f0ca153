package dev.weir.streaming.api.functions.source;

import dev.weir.api.common.functions.AbstractRichFunction;

/**
 * A {@link ParallelSourceFunction} with {@code open}/{@code close} and a runtime context, whose
 * {@code getIndexOfThisSubtask()} and {@code getNumberOfParallelSubtasks()} tell each instance its share.
 *
 * @deprecated as in Flink 1.x; new sources implement {@code dev.weir.api.connector.source.Source}.
 */
@Deprecated
public abstract class RichParallelSourceFunction<OUT> extends AbstractRichFunction implements ParallelSourceFunction<OUT> {
    private static final long serialVersionUID = 1L;
}
