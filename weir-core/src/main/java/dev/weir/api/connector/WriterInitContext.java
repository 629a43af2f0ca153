package dev.weir.api.connector;

import dev.weir.api.metrics.MetricGroup;

/** What a {@link SinkWriter} knows about the subtask that runs it. */
public interface WriterInitContext {
    int getSubtaskId();

    int getNumberOfParallelSubtasks();

    int getAttemptNumber();

    MetricGroup metricGroup();
}
