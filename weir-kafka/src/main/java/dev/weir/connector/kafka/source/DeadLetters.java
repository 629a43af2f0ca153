package dev.weir.connector.kafka.source;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes records that failed to deserialize to a dead-letter topic, with where they came from and why. */
final class DeadLetters implements AutoCloseable {
    static final String REASON = "weir.dlq.reason";
    static final String TOPIC = "weir.dlq.topic";
    static final String PARTITION = "weir.dlq.partition";
    static final String OFFSET = "weir.dlq.offset";

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private volatile Exception sendFailure;

    DeadLetters(String topic, Map<String, String> consumerProperties) {
        this.topic = topic;
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", consumerProperties.get("bootstrap.servers"));
        props.put("acks", "all");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    void send(ConsumerRecord<byte[], byte[]> bad, Exception reason) throws Exception {
        checkSent();
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, null, bad.timestamp(), bad.key(), bad.value());
        for (Header h : bad.headers()) {
            letter.headers().add(h);
        }
        letter.headers().add(REASON, bytes(String.valueOf(reason)));
        letter.headers().add(TOPIC, bytes(bad.topic()));
        letter.headers().add(PARTITION, bytes(Integer.toString(bad.partition())));
        letter.headers().add(OFFSET, bytes(Long.toString(bad.offset())));
        producer.send(letter, (metadata, e) -> {
            if (e != null) {
                sendFailure = e;
            }
        });
    }

    /** Makes every dead letter sent so far durable; called on checkpoints, so none is lost on restore. */
    void flush() throws Exception {
        producer.flush();
        checkSent();
    }

    private void checkSent() throws Exception {
        Exception e = sendFailure;
        if (e != null) {
            throw new IllegalStateException("KafkaSource could not write a bad record to the dead-letter topic '" + topic
                    + "': " + e.getMessage() + ". Check that the topic exists and the source may write to it", e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
