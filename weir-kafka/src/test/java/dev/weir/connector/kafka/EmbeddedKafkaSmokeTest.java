package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.connector.kafka.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaSmokeTest {
    @Test
    void starts() throws Exception {
        long t0 = System.currentTimeMillis();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            System.out.println("started in " + (System.currentTimeMillis() - t0));
            try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "transactional.id", "x"), new StringSerializer(), new StringSerializer())) {
                p.initTransactions();
                p.beginTransaction();
                p.send(new ProducerRecord<>("t", "k", "v")).get();
                p.commitTransaction();
            }
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
                c.assign(List.of(new TopicPartition("t", 0)));
                c.seekToBeginning(c.assignment());
                ConsumerRecords<String, String> r = c.poll(Duration.ofSeconds(10));
                assertThat(r.count()).isEqualTo(1);
            }
            System.out.println("done in " + (System.currentTimeMillis() - t0));
        }
    }
}
