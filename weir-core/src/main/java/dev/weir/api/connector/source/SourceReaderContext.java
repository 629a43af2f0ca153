package dev.weir.api.connector.source;

import dev.weir.metrics.MetricGroup;

/** What a {@link SourceReader} knows about the subtask that runs it. */
public interface SourceReaderContext {
    int getIndexOfSubtask();

    int getParallelism();

    MetricGroup metricGroup();
}
