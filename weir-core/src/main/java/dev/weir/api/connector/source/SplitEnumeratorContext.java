package dev.weir.api.connector.source;

import dev.weir.metrics.MetricGroup;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * What a {@link SplitEnumerator} can do, as in Flink: assign splits, send events to readers, and run work off its
 * thread. Weir's methods may be called from any thread; assignments and events reach each reader in the order they
 * were made, on the reader's task thread, between two polls.
 */
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {
    /**
     * The enumerator's metric group. Flink's returns a {@code SplitEnumeratorMetricGroup}; Weir's is a plain
     * {@link MetricGroup}.
     */
    MetricGroup metricGroup();

    /** Sends {@code event} to the reader of subtask {@code subtaskId}. */
    void sendEventToSourceReader(int subtaskId, SourceEvent event);

    /** The number of parallel readers. */
    int currentParallelism();

    /** The readers registered so far, by subtask. */
    Map<Integer, ReaderInfo> registeredReaders();

    /**
     * Hands splits to readers.
     *
     * @throws IllegalStateException when a target reader is not registered
     */
    void assignSplits(SplitsAssignment<SplitT> newSplitAssignments);

    /** Hands one split to one reader. */
    default void assignSplit(SplitT split, int subtask) {
        assignSplits(new SplitsAssignment<>(split, subtask));
    }

    /** Tells reader {@code subtask} that it will get no more splits, so it may end once its splits are read. */
    void signalNoMoreSplits(int subtask);

    /**
     * Runs {@code callable} on a worker thread, then {@code handler} with its result or failure on the enumerator's
     * thread. An exception the handler throws fails the job.
     */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler);

    /** Like {@link #callAsync(Callable, BiConsumer)}, first after {@code initialDelay} ms, then every {@code period} ms. */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period);

    /** Runs {@code runnable} on the enumerator's thread. */
    void runInCoordinatorThread(Runnable runnable);
}
