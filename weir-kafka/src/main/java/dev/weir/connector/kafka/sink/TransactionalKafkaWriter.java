package dev.weir.connector.kafka.sink;

import dev.weir.api.connector.sink2.CommittingSinkWriter;
import dev.weir.api.connector.sink2.StatefulSinkWriter;
import dev.weir.connector.base.DeliveryGuarantee;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;

/**
 * The writer of {@link DeliveryGuarantee#EXACTLY_ONCE}, as Flink's: sends each record into an open Kafka transaction
 * as it arrives; on a checkpoint it flushes, hands the transaction over as a {@link KafkaCommittable} (its id,
 * producer id and epoch: the checkpoint's size does not depend on the output's volume) and opens the next one on
 * the next record. Each transaction has its own id, {@code <prefix>-<subtask>-<checkpoint>} ({@link TransactionalIds});
 * the committer commits with the producer that opened it and hands that producer back to the writer's
 * {@link ProducerPool}, and the next transaction takes it under the next id ({@link TransactionalIdSwitch}), prepared
 * at once off the task thread ({@link NextTransaction}): the first record after a checkpoint finds the producer
 * initialized under its new id. The first transaction's producer is created and initialized there too, from the
 * writer's creation on, while the job starts.
 *
 * <p>It implements {@link StatefulSinkWriter} only to learn the id of each checkpoint it takes, which names the
 * next transaction; it has no state of its own. A sink that wraps this writer must pass {@code snapshotState} on:
 * without it the ids fall behind the checkpoints', and a restore no longer tells which open transactions to abort.
 */
final class TransactionalKafkaWriter<IN> implements CommittingSinkWriter<IN, KafkaCommittable>, StatefulSinkWriter<IN, Void>, Callback {
    /** How long closing waits for the producer of an uncommitted transaction to abort it. */
    private static final Duration ABORT_ON_CLOSE = Duration.ofSeconds(5);
    /**
     * How long a transaction handed over at the end of the input keeps its producer after the writer closed, for the
     * job's final commit. A job that fails instead never commits it here; the producer is then closed, leaving the
     * transaction open on the brokers as any other handed over (the committer resumes it after a restore).
     */
    private static final Duration FINAL_COMMIT_WAIT = Duration.ofSeconds(60);

    private final KafkaRecordSerializationSchema<IN> serializer;
    private final SinkContext context;
    private final Map<String, String> properties;
    private final String prefix;
    /** The checkpoint the next transaction is opened for: the one after the last this writer took or was restored from. */
    private long nextCheckpointId;
    /** The producer of the open transaction, or null before this checkpoint interval's first record. */
    private KafkaProducer<byte[], byte[]> producer;
    /** The transactions handed to the committer whose producers it has not taken yet. */
    private final List<KafkaCommittable> handedOver = new ArrayList<>();
    /** Producers whose transactions were committed, for the next transactions. */
    private final ProducerPool pool = new ProducerPool(this::prepareNextTransaction);
    private final NextTransaction next;
    private int producersCreated;
    private volatile Exception sendFailure;
    /** Whether the input ended ({@code flush(true)}): the job's final commit follows this writer's close. */
    private boolean inputEnded;

    TransactionalKafkaWriter(KafkaRecordSerializationSchema<IN> serializer, SinkContext context, Map<String, String> properties,
                             String prefix, long restoredCheckpointId) {
        this.serializer = serializer;
        this.context = context;
        this.properties = properties;
        this.prefix = prefix;
        this.nextCheckpointId = restoredCheckpointId + 1;
        this.next = new NextTransaction(pool, "kafka-sink-" + prefix + "-" + context.getParallelInstanceId() + "-next-transaction");
        this.producersCreated = 1;
        next.prepareNew(TransactionalIds.of(prefix, context.getParallelInstanceId(), nextCheckpointId),
                id -> KafkaTransactionCommitter.transactionalProducer(properties, id));
    }

    @Override
    public void write(IN element, Context ctx) throws Exception {
        checkSent();
        ProducerRecord<byte[], byte[]> record = serializer.serialize(element, context, ctx.timestamp());
        if (record == null) {
            return;
        }
        if (producer == null) {
            beginTransaction();
        }
        producer.send(record, this);
    }

    /**
     * Opens this checkpoint interval's transaction: in the producer {@link NextTransaction} prepared, or else in a
     * committed transaction's producer when there is one.
     */
    private void beginTransaction() throws Exception {
        String id = TransactionalIds.of(prefix, context.getParallelInstanceId(), nextCheckpointId);
        KafkaProducer<byte[], byte[]> prepared = next.take(id);
        if (prepared != null) {
            producer = prepared;
            return;
        }
        KafkaProducer<byte[], byte[]> p = pool.poll();
        if (p == null) {
            p = KafkaTransactionCommitter.transactionalProducer(properties, id);
            producersCreated++;
        } else {
            TransactionalIdSwitch.switchTo(p, id);
        }
        producer = p;
        // Initializing the id also aborts what a killed run left open under it.
        p.initTransactions();
        p.beginTransaction();
    }

    /**
     * A commit gave a producer back (normally on the task thread, in the checkpoint's completion): prepares the
     * transaction after the open one, or the next one when none is open. Ids only grow, so a stale view from another
     * thread prepares an id too low, which {@link NextTransaction#take} corrects, never one a later checkpoint skips.
     */
    private void prepareNextTransaction() {
        long checkpoint = producer == null ? nextCheckpointId : nextCheckpointId + 1;
        next.prepare(TransactionalIds.of(prefix, context.getParallelInstanceId(), checkpoint));
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null && sendFailure == null) {
            sendFailure = exception;
        }
    }

    @Override
    public void flush(boolean endOfInput) throws Exception {
        inputEnded |= endOfInput;
        if (producer != null) {
            producer.flush();
        }
        checkSent();
    }

    @Override
    public Collection<KafkaCommittable> prepareCommit() throws Exception {
        if (producer == null) {
            return List.of();
        }
        producer.flush();
        checkSent();
        ProducerIdAndEpoch id = TransactionResumer.openTransaction(producer);
        KafkaCommittable committable = new KafkaCommittable(TransactionalIds.of(prefix, context.getParallelInstanceId(),
                nextCheckpointId), id.producerId, id.epoch, producer, pool);
        producer = null;
        // Never the same id twice in a run, even if snapshotState is not called (a wrapper that does not pass it on):
        // a new producer of the id would abort this transaction before its commit.
        nextCheckpointId++;
        // Forgets the transactions whose producers the committer took (committed), newest last.
        for (int i = handedOver.size() - 1; i >= 0; i--) {
            if (handedOver.get(i).isTaken()) {
                handedOver.remove(i);
            }
        }
        handedOver.add(committable);
        return List.of(committable);
    }

    /** How many producers this writer created: one per checkpoint in flight, not one per checkpoint. */
    int producersCreated() {
        return producersCreated;
    }

    @Override
    public List<Void> snapshotState(long checkpointId) {
        nextCheckpointId = Math.max(nextCheckpointId, checkpointId + 1);
        return List.of();
    }

    private void checkSent() {
        Exception e = sendFailure;
        if (e != null) {
            throw new IllegalStateException("KafkaSink could not write a record into its transaction: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            // Its records are in no checkpoint: a graceful close aborts the transaction.
            producer.close(ABORT_ON_CLOSE);
            producer = null;
        }
        for (KafkaCommittable c : handedOver) {
            if (inputEnded) {
                // The job's final commit comes after this close: it commits with the live producer, which spares it
                // a new producer, an admin client and the coordinator's round trips per transaction to resume it.
                c.closeProducerUnlessCommittedWithin(FINAL_COMMIT_WAIT);
                continue;
            }
            KafkaProducer<byte[], byte[]> p = c.takeProducer();
            if (p != null) {
                // Handed to a checkpoint: a forced close leaves the transaction open on the brokers, for the commit
                // at the job's end or after a restore to resume it.
                p.close(Duration.ZERO);
            }
        }
        handedOver.clear();
        next.close();
        pool.close();
    }
}
