package dev.weir.api.connector.sink2;

import dev.weir.metrics.MetricGroup;

/** What a {@link SinkWriter} knows about the subtask that runs it. */
public interface WriterInitContext {
    int getSubtaskId();

    int getNumberOfParallelSubtasks();

    int getAttemptNumber();

    MetricGroup metricGroup();
}
