package dev.weir.connector.kafka.sink;

import dev.weir.api.common.serialization.SerializationSchema;
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

    /**
     * Called once per sink subtask before the first {@link #serialize}, as in Flink; by default calls
     * {@link #open(KafkaSinkContext)}. The built schema opens its key and value {@link SerializationSchema}s here.
     */
    default void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) throws Exception {
        open(sinkContext);
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
