package dev.weir.connector.kafka.sink;

import java.time.Duration;
import java.util.ArrayDeque;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The producers of one exactly-once writer subtask whose transactions were committed, kept for the writer's next
 * transactions under new ids ({@link TransactionalIdSwitch}) instead of a new producer per checkpoint. The committer
 * gives producers back, possibly on another thread and after the writer closed the pool; a closed pool, or a full
 * one, closes what it is given. At most {@link #MAX_IDLE} idle producers: as many checkpoints are rarely in flight.
 */
final class ProducerPool {
    static final int MAX_IDLE = 4;

    private final ArrayDeque<KafkaProducer<byte[], byte[]>> idle = new ArrayDeque<>(MAX_IDLE);
    /** Runs after a producer was given back and kept, on the thread that gave it back. */
    private final Runnable afterGiveBack;
    private boolean closed;

    ProducerPool() {
        this(() -> { });
    }

    ProducerPool(Runnable afterGiveBack) {
        this.afterGiveBack = afterGiveBack;
    }

    /** An idle producer, its last transaction committed, or null when there is none. */
    synchronized KafkaProducer<byte[], byte[]> poll() {
        return idle.pollFirst();
    }

    /** Takes back {@code producer} after the commit of its transaction, or closes it if this pool cannot keep it. */
    void giveBack(KafkaProducer<byte[], byte[]> producer) {
        synchronized (this) {
            if (!closed && idle.size() < MAX_IDLE && TransactionalIdSwitch.isReady(producer)) {
                idle.addLast(producer);
                producer = null;
            }
        }
        if (producer == null) {
            afterGiveBack.run();
        } else {
            producer.close();
        }
    }

    /** Closes the idle producers; producers given back afterwards are closed at once. */
    void close() {
        ArrayDeque<KafkaProducer<byte[], byte[]>> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        for (KafkaProducer<byte[], byte[]> p : toClose) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
