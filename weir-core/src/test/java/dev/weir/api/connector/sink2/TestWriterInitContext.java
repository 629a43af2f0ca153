package dev.weir.api.connector.sink2;

import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.metrics.MetricGroup;

/** A {@link WriterInitContext} test double for subtask {@code subtask} of {@code parallelism}. */
public record TestWriterInitContext(int subtask, int parallelism) implements WriterInitContext {
    @Override
    public int getSubtaskId() {
        return subtask;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }

    @Override
    public int getAttemptNumber() {
        return 0;
    }

    @Override
    public MetricGroup metricGroup() {
        throw new UnsupportedOperationException("The built-in sinks register no metrics");
    }
}
