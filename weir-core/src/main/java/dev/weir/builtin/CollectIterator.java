package dev.weir.builtin;

import dev.weir.util.CloseableIterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The consumer side of a {@link CollectSink}: iterates over a job's elements as they arrive, blocking in
 * {@link #hasNext()} until one does, and ends when every writer has finished.
 *
 * <p>If the job fails, {@link #hasNext()} and {@link #next()} throw the failure (a checked one wrapped in a
 * {@link RuntimeException}); elements not yet taken are dropped. {@link #close()} runs the {@code onClose} action
 * given at construction once (the environment passes "cancel the job"; it is run also when the job already ended,
 * so it must tolerate that). Used by one thread.
 *
 * <p>Given the job's end, the iterator reports its own end only once the job has terminated, as Flink's collect
 * iterator does: a job may keep running after this sink's input ended (another branch, the final checkpoint), and a
 * consumer that reads to the end and then closes must neither cancel a job that is ending by itself nor miss a failure
 * at its end.
 */
public final class CollectIterator<T> implements CloseableIterator<T> {
    private final CollectSink<T> sink;
    private final Runnable onClose;
    private final CompletableFuture<?> jobEnd;
    private Object next;
    private boolean ended;
    private boolean closed;

    /** Iterates over what {@code sink}'s writers write; {@code onClose} runs once when this iterator closes. */
    public CollectIterator(CollectSink<T> sink, Runnable onClose) {
        this(sink, onClose, null);
    }

    /**
     * Iterates over what {@code sink}'s writers write and ends once they all finished and {@code jobEnd} completed;
     * {@code onClose} runs once when this iterator closes.
     */
    public CollectIterator(CollectSink<T> sink, Runnable onClose, CompletableFuture<?> jobEnd) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        this.jobEnd = jobEnd;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        while (!ended) {
            throwIfFailed();
            Object element;
            try {
                element = sink.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the job's next element; the job runs on "
                        + "until this iterator is closed", e);
            }
            if (element == CollectSink.END_OF_RESULTS) {
                awaitJobEnd();
                ended = true;
            } else if (element != CollectSink.FAILED) {
                next = element;
                return true;
            }
        }
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The job has no more elements");
        }
        Object element = next;
        next = null;
        return (T) element;
    }

    private void awaitJobEnd() {
        if (jobEnd == null) {
            return;
        }
        try {
            jobEnd.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the job to end after its last element", e);
        } catch (ExecutionException e) {
            // The job's failure reaches the sink too (the environment forwards it); report that one.
            if (sink.failure() == null) {
                sink.fail(e.getCause());
            }
            throwIfFailed();
        }
    }

    private void throwIfFailed() {
        Throwable failure = sink.failure();
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new RuntimeException("The job failed: " + failure.getMessage(), failure);
    }

    /** Stops iterating, releases writers waiting on a full queue, and runs {@code onClose} once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ended = true;
        next = null;
        sink.closeConsumer();
        onClose.run();
    }
}
