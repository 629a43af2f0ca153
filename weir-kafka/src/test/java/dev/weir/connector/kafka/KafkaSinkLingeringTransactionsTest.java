package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.metrics.MetricGroup;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.sink.KafkaCommittable;
import dev.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.weir.connector.kafka.sink.KafkaSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
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
 * what it owns when it starts.
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
        abandonTransaction(prefix + "-0-0badcafe-3", topic, 0, "killed-0");
        abandonTransaction(prefix + "-3-0badcafe-1", topic, 1, "killed-3");
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
    void aWriterAbortsTheOpenTransactionsOfItsPrefixThatItsSubtaskOwnsAndNoOthers() throws Exception {
        String topic = SharedKafka.newTopic("lingering-owned", 1);
        String prefix = "eos-" + topic;
        List<String> ids = List.of(
                prefix + "-0-0badcafe-0",   // subtask 0 of 2: owned
                prefix + "-1-0badcafe-0",   // subtask 1's
                prefix + "-2-0badcafe-5",   // subtask 2 of a larger run, 2 % 2 == 0: owned
                prefix + "-x-0-0badcafe-0", // a job whose prefix extends this one
                prefix + "-0-not-a-run-0"); // not an id this sink makes
        for (String id : ids) {
            abandonTransaction(id, topic, 0, id);
        }

        try (SinkWriter<String> writer = sink(topic, prefix, Map.of()).createWriter(new Subtask(0, 2))) {
            assertThat(ongoing(prefix)).containsExactlyInAnyOrder(ids.get(1), ids.get(3), ids.get(4));
        } finally {
            ongoing(prefix).forEach(KafkaSinkLingeringTransactionsTest::fence);
        }
    }

    @Test
    void aRestoredCommitFencedByTheWriterThatOwnsItsIdIsWrittenOnceMore() throws Exception {
        String topic = SharedKafka.newTopic("lingering-race", 1);
        String prefix = "eos-" + topic;
        KafkaSink<String> sink = sink(topic, prefix, Map.of());
        // A committable of subtask 1 of the killed run, restored to another subtask that writes it now. Its second
        // half goes to partition 1, which does not exist yet: the committer's producer waits for it with its
        // transaction open (the first half is written), which keeps it open while the owner starts.
        KafkaCommittable restored = new KafkaCommittable();
        restored.transactionalId = prefix + "-1-0badcafe-4";
        restored.records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            restored.records.add(record(topic, i < 3 ? 0 : 1, "r" + i));
        }
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
            try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
                committer.commit(List.of(restored));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ongoing(prefix).contains(restored.transactionalId)) {
            assertThat(System.nanoTime()).as("the commit's transaction was open within 30 s").isLessThan(deadline);
            Thread.sleep(5);
        }

        // Subtask 1 of the restored run owns the id and fences its open transaction when its writer starts.
        sink.createWriter(new Subtask(1, 2)).close();
        assertThat(ongoing(prefix)).as("open after the owner started").isEmpty();
        SharedKafka.addPartitions(topic, 2);

        commit.get(60, TimeUnit.SECONDS);
        assertThat(values(SharedKafka.readAll(topic, "read_committed"))).as("each record of the committable once")
                .containsExactly("0:r0", "0:r1", "0:r2", "1:r3", "1:r4", "1:r5");
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

    private static KafkaCommittable.PendingRecord record(String topic, int partition, String value) {
        KafkaCommittable.PendingRecord r = new KafkaCommittable.PendingRecord();
        r.topic = topic;
        r.partition = partition;
        r.timestamp = Long.MIN_VALUE;
        r.value = value.getBytes(StandardCharsets.UTF_8);
        return r;
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> r.partition() + ":" + new String(r.value(), StandardCharsets.UTF_8)).sorted().toList();
    }

    /** The writer's view of its subtask. */
    private record Subtask(int index, int parallelism) implements WriterInitContext {
        @Override
        public int getSubtaskId() {
            return index;
        }

        @Override
        public int getNumberOfParallelSubtasks() {
            return parallelism;
        }

        @Override
        public int getAttemptNumber() {
            return 0;
        }

        @Override
        public MetricGroup metricGroup() {
            throw new UnsupportedOperationException("the Kafka sink's writer registers no metrics");
        }
    }
}
