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
 * Aborts the transactions that a killed run of an exactly-once {@link KafkaSink} left open under its prefix.
 *
 * <p>A committable is written in its transaction only when its checkpoint completes, or at the job's end for the
 * final ones. A restored committable is written again under its own id, which aborts what a crash left open under
 * it. But a committable that no completed checkpoint holds (the final ones, or those of a checkpoint that never
 * completed) is never seen again: the restored job writes its records anew under new ids, and the killed run's open
 * transaction would hold back every {@code read_committed} consumer of its partitions until the broker's transaction
 * timeout. So each writer, when it starts, lists the cluster's ongoing transactions and fences every id of its prefix
 * that it owns: a new producer initializing an id makes the coordinator abort the id's open transaction.
 *
 * <p>A writer owns the ids prepared by subtask k with {@code k % parallelism == subtask}, so after a change of
 * parallelism every id still has exactly one owner. Two live runs must therefore not share a prefix: each would
 * abort the other's transactions.
 *
 * <p>The restored committables of another subtask may be being written under an id this writer owns; fencing one
 * aborts that attempt, and {@link KafkaTransactionCommitter} writes it once more. Each id is described again right
 * before it is fenced, so one whose transaction committed since the listing is left alone: fencing it would replace
 * the coordinator's record of that commit, which a later restore of the same checkpoint asks for.
 */
final class LingeringTransactions {
    private LingeringTransactions() {
    }

    /** Aborts the ongoing transactions of {@code prefix} that {@code subtask} owns; returns their ids. */
    static List<String> abortOwned(Map<String, String> properties, String prefix, int subtask, int parallelism) {
        List<String> aborted = new ArrayList<>();
        try (Admin admin = Admin.create(adminProperties(properties))) {
            ListTransactionsOptions ongoing = new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING));
            for (TransactionListing t : admin.listTransactions(ongoing).all().get()) {
                String id = t.transactionalId();
                int k = TransactionalIds.subtaskOf(prefix, id);
                if (k >= 0 && k % parallelism == subtask && stillOngoing(admin, id)) {
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
