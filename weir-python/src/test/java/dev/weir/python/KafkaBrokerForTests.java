package dev.weir.python;

import dev.weir.kafka.embedded.EmbeddedKafka;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Starts weir-kafka's embedded broker for the Python Kafka test: prints its bootstrap servers on a line and stops
 * the broker when its standard input closes (the Python test ending, however it ends). A line {@code read TOPIC N}
 * on its input prints the first N records of the topic as {@code key<TAB>value} lines, then a line {@code .}: what
 * the test reads record keys with, which no Python KafkaSource gives.
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
        System.out.println(".");
        System.out.flush();
    }
}
