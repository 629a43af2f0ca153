package dev.weir.connector.kafka.sink;

import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The identity of one open Kafka transaction that an exactly-once writer subtask filled between two checkpoints:
 * its transactional id, producer id and epoch. This is all the checkpoint stores (never the records, which are in
 * the transaction on the brokers already); the committer commits the transaction when the checkpoint completes, with
 * the producer that opened it while that lives, or after a restore by resuming it under its id, producer id and epoch.
 */
public final class KafkaCommittable {
    public String transactionalId;
    public long producerId;
    public short epoch;
    /** The producer that opened the transaction, while it is alive in this process; never stored in a checkpoint. */
    private transient KafkaProducer<byte[], byte[]> producer;
    /** Where the producer goes after its commit, to carry the writer's next transactions; null after a restore. */
    private transient ProducerPool pool;

    public KafkaCommittable() {
    }

    KafkaCommittable(String transactionalId, long producerId, short epoch, KafkaProducer<byte[], byte[]> producer,
                     ProducerPool pool) {
        this.transactionalId = transactionalId;
        this.producerId = producerId;
        this.epoch = epoch;
        this.producer = producer;
        this.pool = pool;
    }

    /**
     * Hands the live producer over once, to the committer that commits with it or to the closing writer that drops
     * it: the two may run on different threads (a commit at the job's end follows the writer's close). Null when
     * the other took it, or after a restore.
     */
    synchronized KafkaProducer<byte[], byte[]> takeProducer() {
        KafkaProducer<byte[], byte[]> p = producer;
        producer = null;
        return p;
    }

    /** Hands {@code committed}, the producer {@link #takeProducer} gave and whose commit succeeded, to the writer's pool. */
    void recycle(KafkaProducer<byte[], byte[]> committed) {
        if (pool != null) {
            pool.giveBack(committed);
        } else {
            committed.close();
        }
    }

    /**
     * Leaves the live producer for the committer for {@code wait}, then closes it without waiting if no commit took
     * it: the transaction stays open on the brokers, and a committer resumes it by its id, producer id and epoch.
     * Whichever comes first takes the producer ({@link #takeProducer}), so a late commit still commits, by resuming.
     */
    void closeProducerUnlessCommittedWithin(java.time.Duration wait) {
        if (isTaken()) {
            return;
        }
        java.util.concurrent.CompletableFuture.delayedExecutor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> {
                    KafkaProducer<byte[], byte[]> p = takeProducer();
                    if (p != null) {
                        p.close(java.time.Duration.ZERO);
                    }
                });
    }

    /** Whether the live producer was handed over already (or never existed, after a restore). */
    synchronized boolean isTaken() {
        return producer == null;
    }

    @Override
    public String toString() {
        return "transaction " + transactionalId + " (producer id " + producerId + ", epoch " + epoch + ")";
    }
}
