package dev.weir.kafka;

import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.KafkaSourceBuilder;

import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record the deserializer rejected, when the source has no dead-letter topic: fails the job and says where. */
public final class KafkaDeserializationException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Names the record that failed and why. */
    public KafkaDeserializationException(ConsumerRecord<?, ?> record, Exception cause) {
        super("KafkaSource could not deserialize the record at topic " + record.topic() + ", partition " + record.partition()
                + ", offset " + record.offset() + ": " + cause + ". Fix the producer or the deserializer, or send bad records"
                + " to a dead-letter topic with KafkaSourceBuilder.setDeadLetterTopic(...)", cause);
    }
}
