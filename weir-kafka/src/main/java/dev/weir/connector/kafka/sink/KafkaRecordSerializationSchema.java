package dev.weir.connector.kafka.sink;

import java.io.Serializable;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns an element into the Kafka record a {@link KafkaSink} writes, as Flink's
 * {@code KafkaRecordSerializationSchema}; {@link #builder()} builds one from a topic and key/value schemas.
 */
@FunctionalInterface
public interface KafkaRecordSerializationSchema<T> extends Serializable {
    /** The record to write, or null to write nothing; {@code timestamp} is the element's, or null. */
    ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp);

    /** Called once per sink subtask before the first {@link #serialize}. */
    default void open(KafkaSinkContext context) {
    }

    static <T> KafkaRecordSerializationSchemaBuilder<T> builder() {
        return new KafkaRecordSerializationSchemaBuilder<>();
    }

    /** What a serialization schema knows about the sink subtask and the cluster. */
    interface KafkaSinkContext {
        int getParallelInstanceId();

        int getNumberOfParallelInstances();

        /** The partition numbers of a topic, looked up once and cached. */
        int[] getPartitionsForTopic(String topic);
    }
}
