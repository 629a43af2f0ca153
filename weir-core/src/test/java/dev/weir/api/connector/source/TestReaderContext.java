package dev.weir.api.connector.source;

import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.metrics.MetricGroup;

/** A {@link SourceReaderContext} test double for subtask {@code subtask} of {@code parallelism}. */
public record TestReaderContext(int subtask, int parallelism) implements SourceReaderContext {
    @Override
    public int getIndexOfSubtask() {
        return subtask;
    }

    @Override
    public int getParallelism() {
        return parallelism;
    }

    @Override
    public MetricGroup metricGroup() {
        throw new UnsupportedOperationException("The built-in sources register no metrics");
    }
}
