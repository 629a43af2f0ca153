package dev.weir.api.connector.sink2;

import dev.weir.api.common.operators.ProcessingTimeService;
import dev.weir.metrics.MetricGroup;

/** A {@link WriterInitContext} test double for subtask {@code subtask} of {@code parallelism}, with a manual clock. */
public record TestWriterInitContext(int subtask, int parallelism, ProcessingTimeService time) implements WriterInitContext {
    /** A context whose clock stands at 0. */
    public TestWriterInitContext(int subtask, int parallelism) {
        this(subtask, parallelism, new ManualProcessingTime(0));
    }

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

    @Override
    public ProcessingTimeService getProcessingTimeService() {
        return time;
    }
}
