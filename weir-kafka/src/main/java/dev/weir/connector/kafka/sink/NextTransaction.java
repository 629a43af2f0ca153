package dev.weir.connector.kafka.sink;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The transaction an exactly-once writer opens next, prepared on a thread of its own as soon as a commit gives a
 * producer back to the writer's {@link ProducerPool}: the producer takes the next transactional id
 * ({@link TransactionalIdSwitch}) and {@code initTransactions()} fences that id at the transaction coordinator (and
 * aborts what a killed run left open under it). So the task thread's first record after a checkpoint only opens the
 * transaction ({@code beginTransaction()}, which does not leave the producer) instead of waiting for the
 * coordinator's round trips. The prepared producer opens no transaction: closing it leaves nothing on the brokers.
 */
final class NextTransaction {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ProducerPool pool;
    private final ExecutorService thread;
    private Future<KafkaProducer<byte[], byte[]>> prepared;
    private String preparedId;
    private boolean closed;

    NextTransaction(ProducerPool pool, String threadName) {
        this.pool = pool;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts preparing a transaction under {@code transactionalId} in an idle producer of the pool, if there is one. */
    synchronized void prepare(String transactionalId) {
        if (closed || prepared != null) {
            return;
        }
        KafkaProducer<byte[], byte[]> producer = pool.poll();
        if (producer == null) {
            return;
        }
        preparedId = transactionalId;
        prepared = thread.submit(() -> {
            try {
                TransactionalIdSwitch.switchTo(producer, transactionalId);
                producer.initTransactions();
                return producer;
            } catch (RuntimeException e) {
                producer.close(Duration.ZERO);
                throw e;
            }
        });
    }

    /**
     * Starts preparing a transaction under {@code transactionalId} in a new producer of {@code newProducer}, created on
     * the preparing thread: the writer's first transaction, prepared while the job starts (Flink's writer, too,
     * initializes its first producer when it is created).
     */
    synchronized void prepareNew(String transactionalId, java.util.function.Function<String, KafkaProducer<byte[], byte[]>> newProducer) {
        if (closed || prepared != null) {
            return;
        }
        preparedId = transactionalId;
        prepared = thread.submit(() -> {
            KafkaProducer<byte[], byte[]> producer = newProducer.apply(transactionalId);
            try {
                producer.initTransactions();
                return producer;
            } catch (RuntimeException e) {
                producer.close(Duration.ZERO);
                throw e;
            }
        });
    }

    /**
     * The prepared producer, in an open transaction under {@code transactionalId}, waiting for its preparation to end;
     * null when none was prepared. A producer prepared under another id (a checkpoint that found no records skipped
     * one) takes {@code transactionalId} here, on the caller's thread. Fails as the preparation did.
     */
    synchronized KafkaProducer<byte[], byte[]> take(String transactionalId) throws Exception {
        if (prepared == null) {
            return null;
        }
        Future<KafkaProducer<byte[], byte[]>> f = prepared;
        prepared = null;
        KafkaProducer<byte[], byte[]> producer;
        try {
            producer = f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (!transactionalId.equals(preparedId)) {
            TransactionalIdSwitch.switchTo(producer, transactionalId);
            producer.initTransactions();
        }
        producer.beginTransaction();
        return producer;
    }

    /** Stops preparing and closes a prepared producer, which has no transaction open. */
    synchronized void close() {
        closed = true;
        thread.shutdown();
        if (prepared != null) {
            try {
                prepared.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).close(CLOSE_TIMEOUT);
            } catch (Exception e) {
                // Failed or late: nothing to close here (a failed preparation closed its producer).
                prepared.cancel(true);
            }
            prepared = null;
        }
    }
}
