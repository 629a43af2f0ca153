package dev.weir.connector.kafka.source;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Fetches the records of one Kafka source reader on a thread of its own, as Flink's split fetcher does: the thread
 * owns the reader's consumer (which allows one thread at a time) and polls it, handing each poll's records to the
 * reader through a queue of {@link #CAPACITY} batches; the reader's task thread takes ready batches and emits them.
 * So the consumer's network round trips and its parsing of fetched records overlap with the job's work instead of
 * waiting in line with it on the task thread. A full queue stops the polling (backpressure); the consumer then
 * holds at most its own fetch buffer.
 *
 * <p>The fetcher knows nothing of offsets: the reader counts what it emitted, so a checkpoint never includes records
 * that still wait here, and a restore seeks to exactly the first record not emitted. Everything else the reader
 * does with the consumer (assign, seek, look up offsets, commit offsets) runs on this thread between two polls, as
 * a request ({@link #call}, {@link #submit}); before {@link #start()} requests run on the caller's thread.
 */
final class KafkaFetcher implements Runnable {
    /** Batches (consumer polls, up to {@code max.poll.records} each) fetched ahead of the reader; Flink's default too. */
    static final int CAPACITY = 2;
    /**
     * How long a poll waits for records; also the longest a request waits for a poll to end. Requests do not
     * {@code wakeup()} the consumer: a wakeup that finds no poll waiting makes the next blocking call throw, and
     * requests make such calls (offset look-ups). Only {@link #close} wakes it.
     */
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(20);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long CLOSE_TIMEOUT_MS = 10_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ArrayBlockingQueue<ConsumerRecords<byte[], byte[]>> fetched = new ArrayBlockingQueue<>(CAPACITY);
    private final ConcurrentLinkedQueue<FutureTask<?>> requests = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;
    /**
     * The reader's task thread when its last {@link #poll} found nothing, else null: the fetcher wakes it as soon as
     * it queues a batch. Without it the task thread noticed new records only when its worker's idle back-off next
     * woke it (up to a millisecond later), and its task sat idle 43 % of an exactly-once run (round six).
     */
    private volatile Thread waitingReader;
    private boolean started;
    /** Whether the consumer has partitions to poll; the fetcher thread's own. */
    private boolean assigned;

    KafkaFetcher(KafkaConsumer<byte[], byte[]> consumer, String threadName) {
        this.consumer = consumer;
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts polling; from now on only this fetcher's thread touches the consumer. */
    void start() {
        started = true;
        thread.start();
    }

    /** The next batch of fetched records, or null when none is ready; fails with what failed the fetcher. */
    ConsumerRecords<byte[], byte[]> poll() {
        ConsumerRecords<byte[], byte[]> records = fetched.poll();
        if (records == null) {
            waitingReader = Thread.currentThread();
            // A batch queued between the first look and the line above would not wake this thread: look again.
            records = fetched.poll();
            if (records != null) {
                waitingReader = null;
            }
        }
        if (records == null && failure != null) {
            throw new IllegalStateException("KafkaSource's fetcher thread " + thread.getName() + " failed: " + failure, failure);
        }
        return records;
    }

    /** Runs {@code action} with the consumer on the fetcher thread and returns its result, waiting for it. */
    <R> R call(Function<KafkaConsumer<byte[], byte[]>, R> action) throws Exception {
        if (!started) {
            return action.apply(consumer);
        }
        FutureTask<R> task = new FutureTask<>(() -> action.apply(consumer));
        request(task);
        try {
            while (true) {
                try {
                    return task.get(100, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    if (!thread.isAlive()) {
                        throw new IllegalStateException("KafkaSource's fetcher thread " + thread.getName() + " ended: " + failure, failure);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Runs {@code action} with the consumer on the fetcher thread before its next poll, without waiting; what it
     * throws fails the fetcher, and so the reader's next {@link #poll}.
     */
    void submit(java.util.function.Consumer<KafkaConsumer<byte[], byte[]>> action) {
        Callable<Void> run = () -> {
            action.accept(consumer);
            return null;
        };
        if (!started) {
            action.accept(consumer);
            return;
        }
        request(new FailingTask(run));
    }

    private void request(FutureTask<?> task) {
        requests.add(task);
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        try {
            ConsumerRecords<byte[], byte[]> held = null;
            while (!closed) {
                runRequests();
                if (held != null) {
                    // Backpressure: wait for the reader to take a batch, answering requests meanwhile.
                    if (fetched.offer(held, POLL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                        held = null;
                        wakeReader();
                    }
                } else if (!assigned) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                } else {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                    if (!records.isEmpty()) {
                        if (fetched.offer(records)) {
                            wakeReader();
                        } else {
                            held = records;
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                failure = e;
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            FutureTask<?> left;
            while ((left = requests.poll()) != null) {
                left.cancel(false);
            }
        }
    }

    /** Unparks the reader's task thread if it found the queue empty: a worker parked in its back-off resumes now. */
    private void wakeReader() {
        Thread reader = waitingReader;
        if (reader != null) {
            waitingReader = null;
            LockSupport.unpark(reader);
        }
    }

    private void runRequests() {
        FutureTask<?> task = requests.poll();
        if (task == null) {
            return;
        }
        do {
            task.run();
        } while ((task = requests.poll()) != null);
        assigned = !consumer.assignment().isEmpty();
    }

    /**
     * Stops the fetcher thread, waking a poll that waits, and closes the consumer: first waits up to
     * {@code commitTimeout} for the offset commits still in flight when {@code committing} (the reader's consumer has
     * a group), then closes without waiting. A plain {@code close(timeout)} also closes the fetch sessions, whose
     * request waits behind the last fetch, which a broker with no new records holds for {@code fetch.max.wait.ms}
     * (500 ms by default): a bounded job's end waited that long for nothing (docs/benchmarks-kafka.md, round six).
     * The brokers evict the sessions themselves.
     */
    void close(Duration commitTimeout, boolean committing) {
        closed = true;
        if (started) {
            consumer.wakeup();
            LockSupport.unpark(thread);
            try {
                thread.join(CLOSE_TIMEOUT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (committing) {
            awaitCommits(commitTimeout);
        }
        consumer.close(Duration.ZERO);
    }

    /**
     * Waits for the offset commits in flight: an empty {@code commitSync} completes the pending {@code commitAsync}s,
     * on the coordinator's connection, which no fetch holds up. The offsets are for monitoring only, so a failure is
     * ignored. A wakeup left over from {@link #close} (when no poll was waiting) fails the first try and is cleared by it.
     */
    private void awaitCommits(Duration timeout) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                consumer.commitSync(java.util.Map.of(), timeout);
                return;
            } catch (WakeupException e) {
                // close()'s own wakeup, consumed: try again
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    /** A request that no one waits for: its failure fails the fetcher. */
    private final class FailingTask extends FutureTask<Void> {
        FailingTask(Callable<Void> callable) {
            super(callable);
        }

        @Override
        protected void setException(Throwable t) {
            super.setException(t);
            if (failure == null) {
                failure = t;
            }
            closed = true;
        }
    }
}
