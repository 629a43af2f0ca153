package dev.weir.builtin;

import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands a job's elements to a {@link CollectIterator} in the same process through bounded queues, one per parallel
 * writer; it backs {@code executeAndCollect}.
 *
 * <p>A blocking sink: {@code write} waits while its writer's queue is full, until the consumer takes elements, closes
 * its iterator, or the job fails. When every parallel writer has reached the end of input and its elements are taken,
 * the iterator ends. When the job fails, the runtime calls {@link #fail(Throwable)} and the iterator throws instead of
 * waiting for more. Each writer's elements arrive in the order it wrote them.
 *
 * <p>Nothing is allocated per element and no lock is taken: a side that finds nothing to do spins briefly, then parks
 * until the other side wakes it, so a consumer that keeps up costs the writers a volatile read per element, not a
 * wake-up.
 *
 * <p>It lives only in the process that built it: the queues are not serialized, and a deserialized copy refuses to
 * create writers. One sink feeds one iterator.
 */
public final class CollectSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    public static final int DEFAULT_CAPACITY = 4096;

    static final Object END_OF_RESULTS = new Object();
    static final Object FAILED = new Object();
    /** A writer on a full queue looks again this often for a consumer that closed or a job that failed. */
    private static final long OFFER_WAIT_NANOS = 50_000_000L;

    private final transient int capacity;
    private final transient AtomicReference<Throwable> failure;
    /** One queue per parallel writer, made by the first writer, when the parallelism is known. */
    private transient volatile CollectRing[] rings;
    private transient volatile boolean consumerClosed;
    /** The consumer, while it is parked waiting for elements. */
    private transient volatile Thread parkedConsumer;
    /**
     * The queue the consumer looks at first: the one after the queue it took from last, so that every writer's elements
     * come in turn and a writer that is always ahead (an unbounded source) cannot keep another's waiting for ever.
     */
    private transient int cursor;

    /** A sink whose writers share a bound of {@value #DEFAULT_CAPACITY} elements not yet taken. */
    public CollectSink() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * A sink whose writers wait once {@code capacity} elements are not yet taken: each of {@code n} parallel writers
     * waits once its own share, {@code capacity / n} rounded up, is not yet taken.
     */
    public CollectSink(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("CollectSink capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.failure = new AtomicReference<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        if (failure == null) {
            throw new IllegalStateException("This CollectSink was serialized and works only in the process that created "
                    + "it; use executeAndCollect on a local environment, or another sink for remote jobs");
        }
        int subtask = context.getSubtaskId();
        return new Writer<>(this, ring(subtask, context.getNumberOfParallelSubtasks()), subtask);
    }

    /**
     * The queue of writer {@code subtask}: a restarted job's writer continues its predecessor's, which has stopped
     * writing by then, so elements not yet taken are kept.
     */
    private synchronized CollectRing ring(int subtask, int parallelism) {
        CollectRing[] all = rings;
        if (all == null) {
            all = new CollectRing[parallelism];
            int share = (capacity + parallelism - 1) / parallelism;
            for (int i = 0; i < parallelism; i++) {
                all[i] = new CollectRing(share);
            }
            rings = all;
        } else if (all.length != parallelism) {
            throw new IllegalStateException("CollectSink feeds one job: it has " + all.length + " writers, and a writer "
                    + "of a job with parallelism " + parallelism + " asked to join");
        }
        all[subtask].finished = false;
        return all[subtask];
    }

    /**
     * Makes the consumer's iterator throw {@code cause} (wrapped when checked) at its next call instead of waiting for
     * more elements; the first failure wins. Called by the runtime when the job fails; never blocks.
     */
    public void fail(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        if (failure.compareAndSet(null, cause)) {
            wakeEveryone();
        }
    }

    Throwable failure() {
        return failure.get();
    }

    /**
     * The consumer's next element, waiting until there is one: {@link #END_OF_RESULTS} once every writer finished and
     * its elements were taken, {@link #FAILED} once the job failed.
     */
    Object take() throws InterruptedException {
        int idle = 0;
        while (true) {
            Object next = poll();
            if (next != null) {
                return next;
            }
            if (CollectBackoff.spinOrYield(idle)) {
                idle++;
            } else {
                parkedConsumer = Thread.currentThread();
                // Looked at again after announcing the park: a writer that published before it saw no parked consumer.
                next = poll();
                if (next == null) {
                    LockSupport.park(this);
                }
                parkedConsumer = null;
                if (next != null) {
                    return next;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }

    /** One look at every writer's queue, starting after the one taken from last; {@code null} when all are empty. */
    private Object poll() {
        if (failure.get() != null) {
            return FAILED;
        }
        CollectRing[] all = rings;
        if (all == null) {
            return null;
        }
        boolean allFinished = true;
        int n = all.length;
        for (int k = 0; k < n; k++) {
            int i = cursor + k < n ? cursor + k : cursor + k - n;
            CollectRing ring = all[i];
            // Read before polling: a finished writer published all its elements before it said so.
            boolean finished = ring.finished;
            Object element = ring.poll();
            if (element != null) {
                cursor = i + 1 < n ? i + 1 : 0;
                return element;
            }
            allFinished &= finished;
        }
        return allFinished ? END_OF_RESULTS : null;
    }

    /** Stops writers from waiting for a consumer that has gone; what they write from now on is dropped. */
    void closeConsumer() {
        consumerClosed = true;
        CollectRing[] all = rings;
        if (all != null) {
            for (CollectRing ring : all) {
                ring.clear();
            }
        }
        wakeEveryone();
    }

    private void wakeEveryone() {
        LockSupport.unpark(parkedConsumer);
        CollectRing[] all = rings;
        if (all != null) {
            for (CollectRing ring : all) {
                LockSupport.unpark(ring.parkedProducer);
            }
        }
    }

    /** Waits while {@code ring} is full, but gives up once nobody will take the element. */
    private void enqueue(CollectRing ring, Object element) throws InterruptedException {
        int idle = 0;
        while (!ring.offer(element)) {
            if (consumerClosed || failure.get() != null) {
                return;
            }
            if (CollectBackoff.spinOrYield(idle)) {
                idle++;
            } else {
                ring.parkedProducer = Thread.currentThread();
                // Looked at again after announcing the park: the consumer may have taken elements before it.
                if (ring.isFull()) {
                    LockSupport.parkNanos(this, OFFER_WAIT_NANOS);
                }
                ring.parkedProducer = null;
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
        LockSupport.unpark(parkedConsumer); // no effect while no consumer is parked (null)
    }

    /** Marks {@code ring}'s writer finished and wakes a consumer that may be waiting for just that. */
    private void finish(CollectRing ring) {
        ring.finished = true;
        LockSupport.unpark(parkedConsumer); // no effect while no consumer is parked (null)
    }

    /** Puts one subtask's elements into its queue. */
    private static final class Writer<T> implements SinkWriter<T> {
        private final CollectSink<T> sink;
        private final CollectRing ring;
        private final int subtask;

        Writer(CollectSink<T> sink, CollectRing ring, int subtask) {
            this.sink = sink;
            this.ring = ring;
            this.subtask = subtask;
        }

        @Override
        public void write(T element, Context context) throws InterruptedException {
            if (element == null) {
                throw new NullPointerException("CollectSink subtask " + subtask + " got a null element; streams cannot "
                        + "hold nulls, so filter them out or wrap them before executeAndCollect");
            }
            sink.enqueue(ring, element);
        }

        /** Once every writer said so and its elements are taken, the consumer's iterator ends. */
        @Override
        public void flush(boolean endOfInput) {
            if (endOfInput) {
                sink.finish(ring);
            }
        }

        @Override
        public void close() {
        }
    }
}
