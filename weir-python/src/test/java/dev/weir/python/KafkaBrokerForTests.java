package dev.weir.python;

import dev.weir.kafka.embedded.EmbeddedKafka;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Starts weir-kafka's embedded broker for the Python Kafka test: prints its bootstrap servers on a line and stops
 * the broker when its standard input closes (the Python test ending, however it ends). A line {@code read TOPIC N}
 * on its input prints the first N records of the topic as {@code key<TAB>value} lines, then a line {@code .}: what
 * the test reads record keys with, which no Python KafkaSource gives. {@code create TOPIC N} creates a topic of N
 * partitions and {@code write TOPIC PARTITION VALUE...} writes values to one partition (no Python KafkaSink chooses
 * partitions); each answers a line {@code .} when done.
 */
public final class KafkaBrokerForTests {
    private KafkaBrokerForTests() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            System.out.println(kafka.bootstrapServers());
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                String[] words = command.trim().split(" ");
                if (words.length == 3 && words[0].equals("read")) {
                    read(kafka.bootstrapServers(), words[1], Integer.parseInt(words[2]));
                } else if (words.length == 3 && words[0].equals("create")) {
                    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
                        admin.createTopics(List.of(new NewTopic(words[1], Integer.parseInt(words[2]), (short) 1))).all().get();
                    }
                    done();
                } else if (words.length > 3 && words[0].equals("write")) {
                    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.<String, Object>of(
                            "bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                        for (int i = 3; i < words.length; i++) {
                            producer.send(new ProducerRecord<>(words[1], Integer.parseInt(words[2]), null, words[i])).get();
                        }
                    }
                    done();
                }
            }
        }
    }

    private static void read(String bootstrapServers, String topic, int count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "keys-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos(); // only against a hang
            while (read < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    System.out.println(record.key() + "\t" + record.value());
                    read++;
                }
            }
        }
        done();
    }

    private static void done() {
        System.out.println(".");
        System.out.flush();
    }
}
