package dev.weir.api.connector.sink;

import dev.weir.api.connector.WriterInitContext;
import dev.weir.api.metrics.MetricGroup;

/** A {@link WriterInitContext} test double for subtask {@code subtask} of {@code parallelism}. */
record TestWriterInitContext(int subtask, int parallelism) implements WriterInitContext {
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
