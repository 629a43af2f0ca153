package dev.weir.connector.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.NoTimestamp;
import dev.weir.connector.kafka.SharedKafka;
import dev.weir.connector.kafka.WriterSubtask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The exactly-once writer keeps the producer of a committed transaction for its next checkpoint's transaction under
 * the next id, as Flink's connector recycles producers, instead of creating a producer per checkpoint; the reused
 * producer fences its new id as a new producer would.
 */
@Timeout(120)
class ProducerReuseTest {
    @Test
    void fiveCheckpointsInARowAreWrittenByOneProducerUnderFiveTransactionalIds() throws Exception {
        String topic = SharedKafka.newTopic("reuse", 1);
        String prefix = "reuse-" + topic;
        KafkaSink<String> sink = sink(topic, prefix);
        TransactionalKafkaWriter<String> writer = (TransactionalKafkaWriter<String>) sink.createWriter(new WriterSubtask(0, 1, 0));
        List<String> ids = new ArrayList<>();
        try (writer; Committer<KafkaCommittable> committer = sink.createCommitter()) {
            for (int checkpoint = 1; checkpoint <= 5; checkpoint++) {
                ids.add(checkpoint(writer, committer, checkpoint, "r" + checkpoint));
            }
            assertThat(writer.producersCreated()).isEqualTo(1);
        }
        assertThat(ids).containsExactly(prefix + "-0-1", prefix + "-0-2", prefix + "-0-3", prefix + "-0-4", prefix + "-0-5");
        assertThat(values(topic)).containsExactly("r1", "r2", "r3", "r4", "r5");
        try (Admin admin = SharedKafka.admin()) {
            for (String id : ids) {
                assertThat(KafkaTransactionCommitter.stateOf(admin, id)).as(id).isEqualTo(TransactionState.COMPLETE_COMMIT);
            }
        }
    }

    @Test
    void aReusedProducerAbortsWhatAKilledRunLeftOpenUnderItsNewId() throws Exception {
        String topic = SharedKafka.newTopic("reuse-fence", 1);
        String prefix = "reuse-fence-" + topic;
        KafkaSink<String> sink = sink(topic, prefix);
        TransactionalKafkaWriter<String> writer = (TransactionalKafkaWriter<String>) sink.createWriter(new WriterSubtask(0, 1, 0));
        try (writer; Committer<KafkaCommittable> committer = sink.createCommitter()) {
            writer.write("first", NoTimestamp.CONTEXT);
            Collection<KafkaCommittable> first = writer.prepareCommit();
            writer.snapshotState(1);
            // Another process left a transaction open under the id of the next checkpoint's transaction (before the
            // commit, which starts preparing that transaction in the committed producer).
            abandonTransaction(prefix + "-0-2", topic, "stale");
            committer.commit(first);
            checkpoint(writer, committer, 2, "second");
            assertThat(writer.producersCreated()).isEqualTo(1);
        }
        assertThat(values(topic)).containsExactly("first", "second");
    }

    @Test
    void theTransactionHandedOverAtTheEndOfTheInputIsCommittedAfterTheWriterClosedByTheProducerThatOpenedIt() throws Exception {
        String topic = SharedKafka.newTopic("reuse-final", 1);
        String prefix = "reuse-final-" + topic;
        KafkaSink<String> sink = sink(topic, prefix);
        KafkaCommittable last = handOverAndClose(sink, "last", true);
        assertThat(last.isTaken()).as("the producer kept for the job's final commit").isFalse();
        try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
            committer.commit(List.of(last));
        }
        assertThat(last.isTaken()).as("committed by its own producer, not by resuming").isTrue();
        assertThat(values(topic)).containsExactly("last");
        try (Admin admin = SharedKafka.admin()) {
            assertThat(KafkaTransactionCommitter.stateOf(admin, prefix + "-0-1")).isEqualTo(TransactionState.COMPLETE_COMMIT);
        }
    }

    @Test
    void aWriterClosedBeforeItsInputEndedDropsTheProducersOfItsHandedOverTransactionsWhichAreCommittedByResuming() throws Exception {
        String topic = SharedKafka.newTopic("reuse-closed-early", 1);
        KafkaSink<String> sink = sink(topic, "reuse-closed-early-" + topic);
        KafkaCommittable handedOver = handOverAndClose(sink, "handed over", false);
        assertThat(handedOver.isTaken()).as("the producer closed with the writer").isTrue();
        try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
            committer.commit(List.of(handedOver));
        }
        assertThat(values(topic)).containsExactly("handed over");
    }

    /** A new writer writes {@code value}, ends its input if {@code endInput}, hands its transaction over and closes. */
    private static KafkaCommittable handOverAndClose(KafkaSink<String> sink, String value, boolean endInput) throws Exception {
        try (SinkWriter<String> writer = sink.createWriter(new WriterSubtask(0, 1, 0))) {
            writer.write(value, NoTimestamp.CONTEXT);
            writer.flush(endInput);
            Collection<KafkaCommittable> handedOver = ((TransactionalKafkaWriter<String>) writer).prepareCommit();
            assertThat(handedOver).hasSize(1);
            return handedOver.iterator().next();
        }
    }

    @Test
    void aProducerGivenBackAfterThePoolClosedIsClosed() throws Exception {
        ProducerPool pool = new ProducerPool();
        pool.close();
        KafkaProducer<byte[], byte[]> p = KafkaTransactionCommitter.transactionalProducer(
                Map.of("bootstrap.servers", SharedKafka.bootstrap()), "reuse-closed");
        pool.giveBack(p);
        assertThat(pool.poll()).isNull();
        assertThatThrownBy(() -> p.send(new ProducerRecord<>("any", new byte[0])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** Writes {@code value}, takes checkpoint {@code id}, commits it, and returns its transaction's id. */
    private static String checkpoint(TransactionalKafkaWriter<String> writer, Committer<KafkaCommittable> committer, long id,
                                     String value) throws Exception {
        writer.write(value, NoTimestamp.CONTEXT);
        Collection<KafkaCommittable> committables = writer.prepareCommit();
        writer.snapshotState(id);
        assertThat(committables).hasSize(1);
        committer.commit(committables);
        return committables.iterator().next().transactionalId;
    }

    private static KafkaSink<String> sink(String topic, String prefix) throws Exception {
        return KafkaSink.<String>builder().setBootstrapServers(SharedKafka.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix(prefix)
                .setProperty("transaction.timeout.ms", "600000").build();
    }

    private static void abandonTransaction(String id, String topic, String value) throws Exception {
        KafkaProducer<byte[], byte[]> p = KafkaTransactionCommitter.transactionalProducer(
                Map.of("bootstrap.servers", SharedKafka.bootstrap(), "transaction.timeout.ms", "600000"), id);
        p.initTransactions();
        p.beginTransaction();
        p.send(new ProducerRecord<>(topic, 0, null, value.getBytes(StandardCharsets.UTF_8)));
        p.flush();
        p.close(Duration.ZERO);
    }

    private static List<String> values(String topic) throws Exception {
        List<String> out = new ArrayList<>();
        SharedKafka.readAll(topic, "read_committed").forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
        return out;
    }
}
