package dev.weir.connector.kafka.sink;

import dev.weir.api.connector.sink2.Committer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes each {@link KafkaCommittable} in one transaction under its own transactional id, unless the transaction
 * coordinator says that id's transaction committed already (a commit repeated after a restore).
 */
final class KafkaTransactionCommitter implements Committer<KafkaCommittable> {
    private final Map<String, String> properties;

    KafkaTransactionCommitter(Map<String, String> properties) {
        this.properties = properties;
    }

    @Override
    public void commit(Collection<KafkaCommittable> committables) throws Exception {
        List<KafkaCommittable> due = new ArrayList<>(committables);
        if (due.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(LingeringTransactions.adminProperties(properties))) {
            for (KafkaCommittable c : due) {
                if (committed(admin, c.transactionalId)) {
                    continue;
                }
                try {
                    write(c);
                } catch (RuntimeException e) {
                    if (!fenced(e)) {
                        throw e;
                    }
                    // On a restore, the checkpoint's committables are spread over the subtasks anew (and over a new
                    // number of them) while every writer aborts the open transactions of the ids it owns
                    // (LingeringTransactions): the restored committable being written here may be one that another
                    // subtask's writer just fenced. A writer fences an id at most once, when it starts, so after the
                    // fence the id is ours again: ask the coordinator whether our transaction made it (a commit
                    // accepted before the fence) and otherwise write it once more. A second fence would come from
                    // another live run with this prefix, and failing is then right.
                    if (!committed(admin, c.transactionalId)) {
                        write(c);
                    }
                }
            }
        }
    }

    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private static boolean committed(Admin admin, String transactionalId) throws Exception {
        TransactionState state = stateOf(admin, transactionalId);
        return state == TransactionState.COMPLETE_COMMIT || state == TransactionState.PREPARE_COMMIT;
    }

    /** The coordinator's state of the id's transaction, or null when the coordinator knows no such id. */
    static TransactionState stateOf(Admin admin, String transactionalId) throws ExecutionException, InterruptedException {
        try {
            return admin.describeTransactions(List.of(transactionalId)).description(transactionalId).get().state();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransactionalIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    /** A producer for the sink's transactions under {@code transactionalId}; initializing it fences that id. */
    static KafkaProducer<byte[], byte[]> transactionalProducer(Map<String, String> properties, String transactionalId) {
        Map<String, Object> props = new HashMap<>(properties);
        props.put("transactional.id", transactionalId);
        props.put("enable.idempotence", "true");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private void write(KafkaCommittable c) {
        try (KafkaProducer<byte[], byte[]> producer = transactionalProducer(properties, c.transactionalId)) {
            // Initializing the id aborts whatever transaction a crashed commit of it left open.
            producer.initTransactions();
            producer.beginTransaction();
            for (KafkaCommittable.PendingRecord r : c.records) {
                producer.send(new ProducerRecord<>(r.topic, r.partition < 0 ? null : r.partition,
                        r.timestamp == Long.MIN_VALUE ? null : r.timestamp, r.key, r.value));
            }
            producer.commitTransaction();
        }
    }
}
