package dev.weir.connector.kafka;

import dev.weir.kafka.embedded.EmbeddedKafka;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** One in-process broker for all tests of this JVM (starting one takes seconds); every test uses topics of its own. */
public final class SharedKafka {
    private static EmbeddedKafka kafka;
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private SharedKafka() {
    }

    public static synchronized String bootstrap() throws Exception {
        if (kafka == null) {
            // Stopped and deleted by EmbeddedKafka's own shutdown hook; a second hook here would race it.
            kafka = EmbeddedKafka.start();
        }
        return kafka.bootstrapServers();
    }

    public static String newTopic(String name, int partitions) throws Exception {
        String topic = name + "-" + TOPICS.incrementAndGet();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    static void addPartitions(String topic, int total) throws Exception {
        try (Admin admin = admin()) {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(total))).all().get();
        }
    }

    public static Admin admin() throws Exception {
        return Admin.create(Map.of("bootstrap.servers", bootstrap()));
    }

    static KafkaProducer<byte[], byte[]> producer() throws Exception {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap(), "linger.ms", "5"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Writes (partition, timestamp, value) records and waits until all are acknowledged. */
    static void write(String topic, int partition, long timestamp, String... values) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = producer()) {
            for (String v : values) {
                p.send(new ProducerRecord<>(topic, partition, timestamp, null, v == null ? null : v.getBytes()));
            }
            p.flush();
        }
    }

    /** Every record of a topic a consumer with this isolation level sees, read from the beginning to the end. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, String isolation) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap());
        props.put("isolation.level", isolation);
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> stable = c.endOffsets(parts);
            if (isolation.equals("read_committed")) {
                // A commit returns before the broker wrote its markers: wait until every transaction is decided, i.e.
                // the last stable offsets reached the log ends, or a read_committed read could stop short.
                Map<String, Object> uncommitted = new HashMap<>(props);
                uncommitted.put("isolation.level", "read_uncommitted");
                try (KafkaConsumer<byte[], byte[]> u = new KafkaConsumer<>(uncommitted, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                    Map<TopicPartition, Long> logEnd = u.endOffsets(parts);
                    long until = System.currentTimeMillis() + 20_000;
                    while (!stable.equals(logEnd) && System.currentTimeMillis() < until) {
                        Thread.sleep(20);
                        stable = c.endOffsets(parts);
                    }
                }
            }
            Map<TopicPartition, Long> end = stable;
            long deadline = System.currentTimeMillis() + 30_000;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                c.poll(java.time.Duration.ofMillis(100)).forEach(all::add);
            }
        }
        return all;
    }
}
