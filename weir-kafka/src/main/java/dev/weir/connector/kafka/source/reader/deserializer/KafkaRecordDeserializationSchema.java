package dev.weir.connector.kafka.source.reader.deserializer;

import dev.weir.util.Collector;
import dev.weir.api.common.serialization.DeserializationSchema;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a whole Kafka record (key, value, headers, timestamp, partition, offset) into elements, as Flink's
 * {@code KafkaRecordDeserializationSchema}. A throw means the record is malformed: the source sends it to its
 * dead-letter topic or fails the job, by its configuration.
 */
@FunctionalInterface
public interface KafkaRecordDeserializationSchema<T> extends Serializable {
    void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException;

    /** Reads only each record's value with {@code valueSchema}. */
    static <V> KafkaRecordDeserializationSchema<V> valueOnly(DeserializationSchema<V> valueSchema) {
        Objects.requireNonNull(valueSchema, "valueSchema");
        return (record, out) -> valueSchema.deserialize(record.value(), out);
    }
}
