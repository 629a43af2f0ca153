package dev.weir.api.connector;

import dev.weir.api.metrics.MetricGroup;

/** What a {@link SourceReader} knows about the subtask that runs it. */
public interface SourceReaderContext {
    int getIndexOfSubtask();

    int getParallelism();

    MetricGroup metricGroup();
}
