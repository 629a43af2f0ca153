package dev.weir.streaming.api.functions.source;

/**
 * A {@link SourceFunction} that runs in parallel: one instance per subtask, each reading its share (ask the runtime
 * context of a {@link RichParallelSourceFunction} which share is yours).
 *
 * @deprecated as in Flink 1.x; new sources implement {@code dev.weir.api.connector.source.Source}.
 */
@Deprecated
public interface ParallelSourceFunction<OUT> extends SourceFunction<OUT> {
}
