package dev.weir.api.connector.source;

import dev.weir.metrics.MetricGroup;

/** What a {@link SourceReader} knows about the subtask that runs it. */
public interface SourceReaderContext {
    /** The index of this reader's subtask, from 0. */
    int getIndexOfSubtask();

    /** Weir's name for {@link #currentParallelism()}. */
    int getParallelism();

    /** The number of parallel readers of the source, as Flink's {@code currentParallelism()}. */
    default int currentParallelism() {
        return getParallelism();
    }

    MetricGroup metricGroup();
}
