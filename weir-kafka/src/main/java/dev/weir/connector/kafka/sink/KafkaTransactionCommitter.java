package dev.weir.connector.kafka.sink;

import dev.weir.api.connector.sink2.Committer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Commits the transactions of {@link KafkaCommittable}s: with the producer that opened one while it lives in this
 * process, otherwise (after a restore) by resuming it under its transactional id, producer id and epoch
 * ({@link TransactionResumer}), unless the transaction coordinator says it committed already (a commit repeated after
 * a restore). A restored transaction that the brokers aborted cannot be committed: its records are lost, and the
 * commit fails saying so rather than going on silently.
 */
final class KafkaTransactionCommitter implements Committer<KafkaCommittable> {
    private final Map<String, String> properties;

    KafkaTransactionCommitter(Map<String, String> properties) {
        this.properties = properties;
    }

    @Override
    public void commit(Collection<KafkaCommittable> committables) throws Exception {
        Admin admin = null;
        try {
            for (KafkaCommittable c : committables) {
                KafkaProducer<byte[], byte[]> live = c.takeProducer();
                if (live != null) {
                    try {
                        live.commitTransaction();
                    } catch (RuntimeException e) {
                        live.close(Duration.ZERO);
                        throw e;
                    }
                    c.recycle(live);
                    continue;
                }
                if (admin == null) {
                    admin = Admin.create(LingeringTransactions.adminProperties(properties));
                }
                commitRestored(admin, c);
            }
        } finally {
            if (admin != null) {
                admin.close();
            }
        }
    }

    private void commitRestored(Admin admin, KafkaCommittable c) throws Exception {
        TransactionDescription now = describe(admin, c.transactionalId);
        TransactionState state = now == null ? null : now.state();
        if (state == TransactionState.COMPLETE_COMMIT || state == TransactionState.PREPARE_COMMIT) {
            return;
        }
        if (state == TransactionState.ONGOING && now.producerId() == c.producerId && now.producerEpoch() == c.epoch) {
            try (KafkaProducer<byte[], byte[]> resumed = transactionalProducer(properties, c.transactionalId)) {
                TransactionResumer.resume(resumed, c.producerId, c.epoch);
                resumed.commitTransaction();
            }
            return;
        }
        throw new IllegalStateException("KafkaSink cannot commit " + c + " of a completed checkpoint: the brokers report "
                + (now == null ? "no such transactional id" : "its state " + state + " (producer id " + now.producerId()
                + ", epoch " + now.producerEpoch() + ")") + ", so they aborted it and its records are lost. Most likely the"
                + " job was down for longer than the sink's transaction.timeout.ms (" + properties.getOrDefault("transaction.timeout.ms",
                "the producer's default") + "); raise it above the longest expected time to restore, at most the brokers'"
                + " transaction.max.timeout.ms");
    }

    /** The coordinator's view of the id's transaction, or null when the coordinator knows no such id. */
    private static TransactionDescription describe(Admin admin, String transactionalId) throws ExecutionException, InterruptedException {
        try {
            return admin.describeTransactions(List.of(transactionalId)).description(transactionalId).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransactionalIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    /** The coordinator's state of the id's transaction, or null when the coordinator knows no such id. */
    static TransactionState stateOf(Admin admin, String transactionalId) throws ExecutionException, InterruptedException {
        TransactionDescription d = describe(admin, transactionalId);
        return d == null ? null : d.state();
    }

    /** A producer for the sink's transactions under {@code transactionalId}; initializing it fences that id. */
    static KafkaProducer<byte[], byte[]> transactionalProducer(Map<String, String> properties, String transactionalId) {
        Map<String, Object> props = ProducerBatching.withDefaults(properties);
        props.put("transactional.id", transactionalId);
        props.put("enable.idempotence", "true");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
