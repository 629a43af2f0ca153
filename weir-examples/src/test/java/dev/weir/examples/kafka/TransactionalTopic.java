package dev.weir.examples.kafka;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.checkpoint.ChildJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the moving-average kill tests read of an output topic written in Kafka transactions. */
final class TransactionalTopic {
    private TransactionalTopic() {
    }

    /**
     * The sorted committed lines once every transaction in the topic is decided: a commit returns before its markers are
     * written, and a read_committed consumer ends at the first undecided transaction. A transaction a kill left open
     * and no restarted writer aborted stays undecided for the sink's transaction timeout, ten minutes, so it fails here
     * rather than shortening the output.
     */
    static List<String> readAllCommitted(String bootstrap, String topic) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(20);
        Map<TopicPartition, Long> committedEnd = endOffsets(bootstrap, topic, "read_committed");
        Map<TopicPartition, Long> end = endOffsets(bootstrap, topic, "read_uncommitted");
        while (!committedEnd.equals(end)) {
            assertThat(System.nanoTime()).as("every transaction in %s was decided within 20 s: last stable offsets %s, ends %s",
                    topic, committedEnd, end).isLessThan(deadline);
            Thread.sleep(50);
            committedEnd = endOffsets(bootstrap, topic, "read_committed");
            end = endOffsets(bootstrap, topic, "read_uncommitted");
        }
        List<String> lines = new ArrayList<>(MovingAverage.readCommitted(bootstrap, topic));
        lines.sort(null);
        return lines;
    }

    /** Waits until {@code topic} has a transaction not yet decided: its last stable offsets fall short of its ends. */
    static void awaitAnOpenTransaction(String bootstrap, String topic, ChildJob child) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(120);
        try (KafkaConsumer<byte[], byte[]> committed = consumer(bootstrap, "read_committed");
             KafkaConsumer<byte[], byte[]> uncommitted = consumer(bootstrap, "read_uncommitted")) {
            List<TopicPartition> parts = committed.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            while (committed.endOffsets(parts).equals(uncommitted.endOffsets(parts))) {
                assertThat(child.isAlive()).as("the child JVM ended before it wrote its final averages; its log:%n%s", child.log()).isTrue();
                assertThat(System.nanoTime()).as("the child wrote its final averages within 120 s").isLessThan(deadline);
            }
        }
    }

    /** The end offsets of {@code topic}'s partitions as a consumer with {@code isolation} sees them. */
    static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic, String isolation) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, isolation)) {
            return c.endOffsets(c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList());
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String isolation) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", isolation),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
