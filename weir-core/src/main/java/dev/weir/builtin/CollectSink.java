package dev.weir.builtin;

import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands a job's elements to a {@link CollectIterator} in the same process through a bounded queue; it backs
 * {@code executeAndCollect}.
 *
 * <p>A blocking sink: {@code write} waits while the queue is full, until the consumer takes elements, closes its
 * iterator, or the job fails, so the runtime must run it on a thread of its own. When every parallel writer has
 * reached the end of input, the iterator ends. When the job fails, the runtime calls {@link #fail(Throwable)} and the
 * iterator throws instead of waiting for more.
 *
 * <p>It lives only in the process that built it: the queue is not serialized, and a deserialized copy refuses to
 * create writers. One sink feeds one iterator.
 */
public final class CollectSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    public static final int DEFAULT_CAPACITY = 4096;

    static final Object END_OF_RESULTS = new Object();
    // Wakes a consumer blocked on an empty queue so that it sees the failure.
    static final Object FAILED = new Object();
    private static final long OFFER_WAIT_MILLIS = 50;

    private final transient BlockingQueue<Object> queue;
    private final transient AtomicInteger finishedWriters;
    private final transient AtomicReference<Throwable> failure;
    private transient volatile boolean consumerClosed;

    /** A sink with a queue of {@value #DEFAULT_CAPACITY} elements. */
    public CollectSink() {
        this(DEFAULT_CAPACITY);
    }

    /** A sink whose writers wait once {@code capacity} elements are not yet taken. */
    public CollectSink(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("CollectSink capacity must be at least 1, was " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.finishedWriters = new AtomicInteger();
        this.failure = new AtomicReference<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        if (queue == null) {
            throw new IllegalStateException("This CollectSink was serialized and works only in the process that created "
                    + "it; use executeAndCollect on a local environment, or another sink for remote jobs");
        }
        return new Writer<>(this, context.getSubtaskId(), context.getNumberOfParallelSubtasks());
    }

    /**
     * Makes the consumer's iterator throw {@code cause} (wrapped when checked) at its next call instead of waiting for
     * more elements; the first failure wins. Called by the runtime when the job fails; never blocks.
     */
    public void fail(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        if (failure.compareAndSet(null, cause)) {
            // If the queue is full the consumer is not blocked, and it checks the failure before every take.
            queue.offer(FAILED);
        }
    }

    Throwable failure() {
        return failure.get();
    }

    Object take() throws InterruptedException {
        return queue.take();
    }

    /** Stops writers from waiting for a consumer that has gone; what they write from now on is dropped. */
    void closeConsumer() {
        consumerClosed = true;
        queue.clear();
    }

    /** Waits while the queue is full, but gives up once nobody will take the element. */
    private void enqueue(Object element) throws InterruptedException {
        while (!consumerClosed && failure.get() == null) {
            if (queue.offer(element, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** Puts one subtask's elements into the shared queue. */
    private static final class Writer<T> implements SinkWriter<T> {
        private final CollectSink<T> sink;
        private final int subtask;
        private final int parallelism;
        private boolean finished;

        Writer(CollectSink<T> sink, int subtask, int parallelism) {
            this.sink = sink;
            this.subtask = subtask;
            this.parallelism = parallelism;
        }

        @Override
        public void write(T element, Context context) throws InterruptedException {
            if (element == null) {
                throw new NullPointerException("CollectSink subtask " + subtask + " got a null element; streams cannot "
                        + "hold nulls, so filter them out or wrap them before executeAndCollect");
            }
            sink.enqueue(element);
        }

        /** The writer that finishes last, whichever it is, tells the consumer that no more elements come. */
        @Override
        public void flush(boolean endOfInput) throws InterruptedException {
            if (endOfInput && !finished) {
                finished = true;
                if (sink.finishedWriters.incrementAndGet() == parallelism) {
                    sink.enqueue(END_OF_RESULTS);
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
