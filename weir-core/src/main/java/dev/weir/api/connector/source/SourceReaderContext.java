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

    /**
     * Asks the source's split enumerator for a split ({@code SplitEnumerator#handleSplitRequest}); never blocks.
     *
     * @throws UnsupportedOperationException when the source has no split enumerator
     */
    default void sendSplitRequest() {
        throw new UnsupportedOperationException("This source has no split enumerator to ask for a split: only a source that "
                + "implements dev.weir.builtin.EnumeratedSource has one");
    }

    /**
     * Sends {@code sourceEvent} to the source's split enumerator, which handles it on its own thread; never blocks.
     *
     * @throws UnsupportedOperationException when the source has no split enumerator
     */
    default void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
        throw new UnsupportedOperationException("This source has no split enumerator to send " + sourceEvent + " to: only a "
                + "source that implements dev.weir.builtin.EnumeratedSource has one");
    }
}
