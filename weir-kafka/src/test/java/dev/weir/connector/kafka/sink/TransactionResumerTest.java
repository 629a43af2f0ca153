package dev.weir.connector.kafka.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.connector.kafka.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TransactionResumer} against the kafka-clients version of the pom and the embedded broker of the same
 * version: a transaction left open by a producer that is gone (closed without a word, as after SIGKILL) is committed
 * by another producer that resumes it under the same transactional id, producer id and epoch.
 */
@Timeout(120)
class TransactionResumerTest {
    @Test
    void theClientVersionIsTheOneTheReflectionWasWrittenFor() {
        assertThat(AppInfoParser.getVersion()).as("kafka-clients version; check TransactionResumer's fields when it changes")
                .isEqualTo("4.3.1");
    }

    @Test
    void aTransactionWhoseProducerIsGoneIsCommittedByAnotherProducerThatResumesIt() throws Exception {
        String topic = SharedKafka.newTopic("resume", 2);
        String id = "resume-" + topic;
        ProducerIdAndEpoch opened = abandonTransaction(id, topic, "a", "b", "c");
        // Reading read_committed would wait for the open transaction to be decided; its last stable offsets say the same.
        assertThat(lastStableOffsets(topic)).as("before the commit, nothing is visible to read_committed").containsOnly(0L);

        try (KafkaProducer<byte[], byte[]> resumed = KafkaTransactionCommitter.transactionalProducer(
                Map.of("bootstrap.servers", SharedKafka.bootstrap()), id)) {
            TransactionResumer.resume(resumed, opened.producerId, opened.epoch);
            resumed.commitTransaction();
        }
        assertThat(values(topic, "read_committed")).containsExactly("0:a", "0:c", "1:b");
    }

    @Test
    void aResumedTransactionIsCommittedAsItWasOpenedEvenWhenTheProducerHasAlreadyLearnedTheBrokersFeatures() throws Exception {
        String topic = SharedKafka.newTopic("resume-known", 1);
        String id = "resume-known-" + topic;
        ProducerIdAndEpoch opened = abandonTransaction(id, topic, "x", "y");

        try (KafkaProducer<byte[], byte[]> resumed = KafkaTransactionCommitter.transactionalProducer(
                Map.of("bootstrap.servers", SharedKafka.bootstrap()), id)) {
            // A metadata round trip: the producer now knows the brokers' finalized features (transaction.version 2).
            // Learning them between the resume and the commit once made the commit also re-initialize the id, which
            // aborts what it had not committed yet.
            assertThat(resumed.partitionsFor(topic)).hasSize(1);
            TransactionResumer.resume(resumed, opened.producerId, opened.epoch);
            resumed.commitTransaction();
        }
        try (Admin admin = SharedKafka.admin()) {
            TransactionDescription d = admin.describeTransactions(List.of(id)).description(id).get();
            assertThat(d.state()).as("the coordinator's state of the id after the commit (the markers may still be on their way)")
                    .isIn(TransactionState.PREPARE_COMMIT, TransactionState.COMPLETE_COMMIT);
            assertThat(d.producerId()).isEqualTo(opened.producerId);
            assertThat((short) d.producerEpoch()).as("no re-initialization bumped the epoch").isEqualTo(opened.epoch);
        }
        assertThat(values(topic, "read_committed")).containsExactly("0:x", "0:y");
    }

    @Test
    void resumingATransactionThatANewerProducerOfItsIdAbortedFailsAndCommitsNothing() throws Exception {
        String topic = SharedKafka.newTopic("resume-fenced", 1);
        String id = "resume-fenced-" + topic;
        ProducerIdAndEpoch opened = abandonTransaction(id, topic, "lost");
        try (KafkaProducer<byte[], byte[]> newer = KafkaTransactionCommitter.transactionalProducer(
                Map.of("bootstrap.servers", SharedKafka.bootstrap()), id)) {
            newer.initTransactions();
        }
        try (KafkaProducer<byte[], byte[]> resumed = KafkaTransactionCommitter.transactionalProducer(
                Map.of("bootstrap.servers", SharedKafka.bootstrap()), id)) {
            TransactionResumer.resume(resumed, opened.producerId, opened.epoch);
            assertThatThrownBy(resumed::commitTransaction).isInstanceOf(RuntimeException.class);
        }
        assertThat(values(topic, "read_committed")).isEmpty();
    }

    /** Opens a transaction under {@code id}, writes the values round-robin over the partitions and leaves without a word. */
    private static ProducerIdAndEpoch abandonTransaction(String id, String topic, String... values) throws Exception {
        KafkaProducer<byte[], byte[]> p = KafkaTransactionCommitter.transactionalProducer(
                Map.of("bootstrap.servers", SharedKafka.bootstrap(), "transaction.timeout.ms", "600000"), id);
        p.initTransactions();
        p.beginTransaction();
        int partitions = p.partitionsFor(topic).size();
        for (int i = 0; i < values.length; i++) {
            p.send(new ProducerRecord<>(topic, i % partitions, null, values[i].getBytes(StandardCharsets.UTF_8)));
        }
        p.flush();
        ProducerIdAndEpoch opened = TransactionResumer.openTransaction(p);
        // A forced close sends nothing more: no abort, as after SIGKILL.
        p.close(Duration.ZERO);
        return opened;
    }

    /** Each partition's last stable offset: below it, every transaction is decided. */
    private static List<Long> lastStableOffsets(String topic) throws Exception {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", SharedKafka.bootstrap(),
                "isolation.level", "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            return List.copyOf(c.endOffsets(parts).values());
        }
    }

    private static List<String> values(String topic, String isolation) throws Exception {
        return SharedKafka.readAll(topic, isolation).stream()
                .map(r -> r.partition() + ":" + new String(r.value(), StandardCharsets.UTF_8)).sorted().toList();
    }
}
