package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.sink.KafkaCommittable;
import dev.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.weir.connector.kafka.sink.KafkaSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run of an exactly-once {@link KafkaSink} killed while it wrote a transaction leaves that transaction open, and
 * {@code read_committed} consumers stop at it. Here a producer that is abandoned mid-transaction (closed without a
 * chance to abort, with a 10-minute transaction timeout) plays the killed run; a writer of the same prefix aborts
 * what it owns when it starts, unless a completed checkpoint holds it: that one is committed by resuming it.
 */
@Timeout(120)
class KafkaSinkLingeringTransactionsTest {
    /** Longer than any of these tests: the broker never aborts an abandoned transaction for them. */
    private static final String TEN_MINUTES = "600000";

    @Test
    void aJobAbortsTheTransactionsAKilledRunLeftOpenUnderItsPrefixAndReadCommittedConsumersSeeItsOutputAtOnce() throws Exception {
        String topic = SharedKafka.newTopic("lingering-job", 2);
        String prefix = "eos-" + topic;
        // Subtask 0 of the killed run, and subtask 3 of a killed run at parallelism 4 (owned by subtask 1 of 2 now).
        abandonTransaction(prefix + "-0-3", topic, 0, "killed-0");
        abandonTransaction(prefix + "-3-1", topic, 1, "killed-3");
        assertThat(ongoing(prefix)).as("open before the job").hasSize(2);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.fromData("0", "1", "2", "3").sinkTo(sink(topic, prefix, Map.of()));
        env.execute("after-a-kill");

        assertThat(ongoing(prefix)).as("open after the job").isEmpty();
        assertThat(stableWithin(topic, Duration.ofSeconds(10)))
                .as("the last stable offsets reached the log ends within 10 s (the abandoned transactions' timeout is 10 min)").isTrue();
        assertThat(values(SharedKafka.readAll(topic, "read_committed"))).containsExactly("0:0", "0:2", "1:1", "1:3");
    }

    @Test
    void aWriterAbortsTheOpenTransactionsOfItsPrefixThatItsSubtaskOwnsAndNoCompletedCheckpointHolds() throws Exception {
        String topic = SharedKafka.newTopic("lingering-owned", 1);
        String prefix = "eos-" + topic;
        List<String> ids = List.of(
                prefix + "-0-6",            // subtask 0 of 2, opened for checkpoint 6, after the restored 5: aborted
                prefix + "-1-6",            // subtask 1's
                prefix + "-2-9",            // subtask 2 of a larger run, 2 % 2 == 0, checkpoint 9: aborted
                prefix + "-0-5",            // the restored checkpoint's: whoever restored its committable commits it
                prefix + "-x-0-6",          // a job whose prefix extends this one
                prefix + "-0-not-a-number"); // not an id this sink makes
        for (String id : ids) {
            abandonTransaction(id, topic, 0, id);
        }

        try (SinkWriter<String> writer = sink(topic, prefix, Map.of()).createWriter(new WriterSubtask(0, 2, 5))) {
            assertThat(ongoing(prefix)).containsExactlyInAnyOrder(ids.get(1), ids.get(3), ids.get(4), ids.get(5));
        } finally {
            ongoing(prefix).forEach(KafkaSinkLingeringTransactionsTest::fence);
        }
    }

    @Test
    void aRestoredTransactionOfACompletedCheckpointIsCommittedByResumingItOnceHoweverOftenItIsCommitted() throws Exception {
        String topic = SharedKafka.newTopic("lingering-resume", 2);
        String prefix = "eos-" + topic;
        KafkaSink<String> sink = sink(topic, prefix, Map.of());
        // Subtask 1 of the killed run filled this transaction for checkpoint 4, which completed; the kill came before the commit.
        String id = prefix + "-1-4";
        abandonTransaction(id, topic, 0, "r0", "r2");
        KafkaCommittable restored = committableOf(id);

        // Its owner, restored from checkpoint 4, leaves it open; another subtask commits it.
        sink.createWriter(new WriterSubtask(1, 2, 4)).close();
        assertThat(ongoing(prefix)).as("open after the owner started").containsExactly(id);
        try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
            committer.commit(List.of(restored));
        }
        // A second restore from the same checkpoint commits it again: the coordinator says it committed.
        try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
            committer.commit(List.of(restored));
        }
        assertThat(values(SharedKafka.readAll(topic, "read_committed"))).containsExactly("0:r0", "0:r2");
    }

    @Test
    void aRestoredTransactionThatTheBrokersAbortedFailsTheCommitAndSaysWhy() throws Exception {
        String topic = SharedKafka.newTopic("lingering-lost", 1);
        String prefix = "eos-" + topic;
        String id = prefix + "-0-2";
        abandonTransaction(id, topic, 0, "lost");
        KafkaCommittable restored = committableOf(id);
        // As the broker's transaction timeout would: the fence aborts it and bumps the epoch (twice under
        // transactions v2, the default of the embedded broker).
        fence(id);

        try (Committer<KafkaCommittable> committer = sink(topic, prefix, Map.of()).createCommitter()) {
            assertThatThrownBy(() -> committer.commit(List.of(restored))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("KafkaSink cannot commit transaction " + id + " (producer id " + restored.producerId + ", epoch "
                            + restored.epoch + ") of a completed checkpoint: the brokers report its state Empty (producer id "
                            + restored.producerId + ", epoch " + (restored.epoch + 2) + "), so they aborted it and its records are lost."
                            + " Most likely the job was down for longer than the sink's transaction.timeout.ms (the producer's default);"
                            + " raise it above the longest expected time to restore, at most the brokers' transaction.max.timeout.ms");
        }
        assertThat(values(SharedKafka.readAll(topic, "read_committed"))).isEmpty();
    }

    /** What the checkpoint holds of the open transaction of {@code id}: its id, producer id and epoch. */
    private static KafkaCommittable committableOf(String id) throws Exception {
        try (Admin admin = SharedKafka.admin()) {
            TransactionDescription d = admin.describeTransactions(List.of(id)).description(id).get();
            assertThat(d.state()).isEqualTo(TransactionState.ONGOING);
            KafkaCommittable c = new KafkaCommittable();
            c.transactionalId = id;
            c.producerId = d.producerId();
            c.epoch = (short) d.producerEpoch();
            return c;
        }
    }

    private static KafkaSink<String> sink(String topic, String prefix, Map<String, String> extra) throws Exception {
        var builder = KafkaSink.<String>builder().setBootstrapServers(SharedKafka.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .setPartitioner((record, key, value, t, partitions) -> partitions[Integer.parseInt(record) % partitions.length])
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix(prefix);
        extra.forEach(builder::setProperty);
        return builder.build();
    }

    /** Begins a transaction under {@code id}, writes the values and leaves without committing or aborting. */
    private static void abandonTransaction(String id, String topic, int partition, String... values) throws Exception {
        KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", SharedKafka.bootstrap(),
                "transactional.id", id, "transaction.timeout.ms", TEN_MINUTES), new ByteArraySerializer(), new ByteArraySerializer());
        p.initTransactions();
        p.beginTransaction();
        for (String v : values) {
            p.send(new ProducerRecord<>(topic, partition, null, v.getBytes(StandardCharsets.UTF_8)));
        }
        p.flush();
        // A forced close sends nothing more: no abort, as after SIGKILL.
        p.close(Duration.ZERO);
    }

    private static void fence(String id) {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", SharedKafka.bootstrap(),
                "transactional.id", id), new ByteArraySerializer(), new ByteArraySerializer())) {
            p.initTransactions();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids with open transactions that start with {@code prefix}. */
    private static List<String> ongoing(String prefix) throws Exception {
        try (Admin admin = SharedKafka.admin()) {
            return admin.listTransactions(new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING))).all().get()
                    .stream().map(TransactionListing::transactionalId).filter(id -> id.startsWith(prefix)).toList();
        }
    }

    /** Whether the topic's last stable offsets equal its log ends (no undecided transaction) before the time is up. */
    private static boolean stableWithin(String topic, Duration wait) throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", SharedKafka.bootstrap()));
        long deadline = System.nanoTime() + wait.toNanos();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            props.put("isolation.level", "read_committed");
            try (KafkaConsumer<byte[], byte[]> committed = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                while (System.nanoTime() < deadline) {
                    if (committed.endOffsets(parts).equals(c.endOffsets(parts))) {
                        return true;
                    }
                    Thread.sleep(20);
                }
            }
        }
        return false;
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> r.partition() + ":" + new String(r.value(), StandardCharsets.UTF_8)).sorted().toList();
    }
}
