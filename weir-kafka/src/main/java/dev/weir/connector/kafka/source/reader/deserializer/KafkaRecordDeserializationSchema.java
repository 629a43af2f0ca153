package dev.weir.connector.kafka.source.reader.deserializer;

import dev.weir.api.common.serialization.DeserializationSchema;
import dev.weir.util.Collector;
import java.io.IOException;
import java.io.Serializable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a whole Kafka record (key, value, headers, timestamp, partition, offset) into elements, as Flink's
 * {@code KafkaRecordDeserializationSchema}. A throw means the record is malformed: the source sends it to its
 * dead-letter topic or fails the job, by its configuration.
 */
@FunctionalInterface
public interface KafkaRecordDeserializationSchema<T> extends Serializable {
    /** Called once by each source reader before the first record. */
    default void open(DeserializationSchema.InitializationContext context) throws Exception {
    }

    void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException;

    /**
     * Weir's addition: whether {@code element} ends its partition. The source emits neither it nor anything after it
     * from that partition. False by default; {@link #valueOnly} asks the value schema's
     * {@link DeserializationSchema#isEndOfStream}.
     */
    default boolean isEndOfStream(T element) {
        return false;
    }

    /** Reads only each record's value with {@code valueSchema}; opens it and honours its end-of-stream elements. */
    static <V> KafkaRecordDeserializationSchema<V> valueOnly(DeserializationSchema<V> valueSchema) {
        return new KafkaValueOnlyDeserializationSchemaWrapper<>(valueSchema);
    }
}
