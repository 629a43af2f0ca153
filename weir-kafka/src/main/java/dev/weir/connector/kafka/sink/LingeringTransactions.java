package dev.weir.connector.kafka.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Aborts the transactions that a killed run of an exactly-once {@link KafkaSink} left open under its prefix and that
 * no completed checkpoint holds.
 *
 * <p>A writer sends its records into an open transaction named for the checkpoint that will hold it
 * ({@link TransactionalIds}). When a run is killed, the transactions of completed checkpoints that were not committed
 * yet are committed by the restored job (their committables are in the checkpoint); those opened for later
 * checkpoints, or at the end of the input for a checkpoint that never completed, are never seen again, and would
 * hold back every {@code read_committed} consumer of their partitions until the broker's transaction timeout. So each
 * writer, when it starts, lists the cluster's ongoing transactions and fences every id of its prefix that it owns
 * and whose checkpoint is above the one it was restored from (all of them on a fresh start): a new producer
 * initializing an id makes the coordinator abort the id's open transaction. Ids of the restored checkpoint or
 * before are left alone, whichever subtask commits them, so no writer aborts what another is committing.
 *
 * <p>A writer owns the ids opened by subtask k with {@code k % parallelism == subtask}, so after a change of
 * parallelism every id still has exactly one owner. Two live runs must therefore not share a prefix: each would
 * abort the other's transactions. Each id is described again right before it is fenced, so one whose transaction
 * was decided since the listing is left alone.
 */
final class LingeringTransactions {
    private LingeringTransactions() {
    }

    /**
     * Aborts the ongoing transactions of {@code prefix} that {@code subtask} owns and that were opened for a checkpoint
     * after {@code restoredCheckpointId} (0 on a fresh start); returns their ids.
     */
    static List<String> abortOwned(Map<String, String> properties, String prefix, int subtask, int parallelism,
                                   long restoredCheckpointId) {
        List<String> aborted = new ArrayList<>();
        try (Admin admin = Admin.create(adminProperties(properties))) {
            ListTransactionsOptions ongoing = new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING));
            for (TransactionListing t : admin.listTransactions(ongoing).all().get()) {
                String id = t.transactionalId();
                int k = TransactionalIds.subtaskOf(prefix, id);
                if (k >= 0 && k % parallelism == subtask && TransactionalIds.checkpointOf(prefix, id) > restoredCheckpointId
                        && stillOngoing(admin, id)) {
                    fence(properties, id);
                    aborted.add(id);
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("KafkaSink could not look up the open transactions, to abort those a crashed run left"
                    + " under prefix '" + prefix + "': " + e.getCause().getMessage() + ". Exactly-once needs brokers of Kafka 3.0"
                    + " or later and the right to describe the prefix's transactional ids", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("KafkaSink was interrupted while aborting the open transactions of prefix '" + prefix + "'", e);
        }
        return aborted;
    }

    private static boolean stillOngoing(Admin admin, String transactionalId) throws ExecutionException, InterruptedException {
        return KafkaTransactionCommitter.stateOf(admin, transactionalId) == TransactionState.ONGOING;
    }

    private static void fence(Map<String, String> properties, String transactionalId) {
        try (KafkaProducer<byte[], byte[]> producer = KafkaTransactionCommitter.transactionalProducer(properties, transactionalId)) {
            producer.initTransactions();
        }
    }

    /** The sink's properties an admin client understands: the servers and the security settings, not the producer's. */
    static Map<String, Object> adminProperties(Map<String, String> properties) {
        Map<String, Object> admin = new HashMap<>(properties);
        admin.keySet().retainAll(AdminClientConfig.configNames());
        return admin;
    }
}
