package dev.weir.connector.kafka.sink;

import dev.weir.api.common.serialization.SerializationSchema;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds a {@link KafkaRecordSerializationSchema} from a topic, value and optional key schemas and a partitioner. */
public final class KafkaRecordSerializationSchemaBuilder<T> {
    private String topic;
    private SerializationSchema<? super T> keySchema;
    private SerializationSchema<? super T> valueSchema;
    private KafkaPartitioner<? super T> partitioner;

    KafkaRecordSerializationSchemaBuilder() {
    }

    public KafkaRecordSerializationSchemaBuilder<T> setTopic(String topic) {
        this.topic = Objects.requireNonNull(topic, "topic");
        return this;
    }

    public KafkaRecordSerializationSchemaBuilder<T> setKeySerializationSchema(SerializationSchema<? super T> keySchema) {
        this.keySchema = Objects.requireNonNull(keySchema, "keySchema");
        return this;
    }

    public KafkaRecordSerializationSchemaBuilder<T> setValueSerializationSchema(SerializationSchema<? super T> valueSchema) {
        this.valueSchema = Objects.requireNonNull(valueSchema, "valueSchema");
        return this;
    }

    /** Without a partitioner, Kafka's default partitioner decides (by key hash, or sticky without a key). */
    public KafkaRecordSerializationSchemaBuilder<T> setPartitioner(KafkaPartitioner<? super T> partitioner) {
        this.partitioner = Objects.requireNonNull(partitioner, "partitioner");
        return this;
    }

    public KafkaRecordSerializationSchema<T> build() {
        if (topic == null) {
            throw new IllegalStateException("KafkaRecordSerializationSchema needs a topic: call setTopic(\"name\")");
        }
        if (valueSchema == null) {
            throw new IllegalStateException("KafkaRecordSerializationSchema needs a value schema: call"
                    + " setValueSerializationSchema(new SimpleStringSchema())");
        }
        return new Built<>(topic, keySchema, valueSchema, partitioner);
    }

    private static final class Built<T> implements KafkaRecordSerializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final String topic;
        private final SerializationSchema<? super T> keySchema;
        private final SerializationSchema<? super T> valueSchema;
        private final KafkaPartitioner<? super T> partitioner;

        Built(String topic, SerializationSchema<? super T> keySchema, SerializationSchema<? super T> valueSchema,
              KafkaPartitioner<? super T> partitioner) {
            this.topic = topic;
            this.keySchema = keySchema;
            this.valueSchema = valueSchema;
            this.partitioner = partitioner;
        }

        @Override
        public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) throws Exception {
            if (keySchema != null) {
                keySchema.open(context);
            }
            valueSchema.open(context);
            open(sinkContext);
        }

        @Override
        public void open(KafkaSinkContext context) {
            if (partitioner != null) {
                partitioner.open(context.getParallelInstanceId(), context.getNumberOfParallelInstances());
            }
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
            byte[] key = keySchema == null ? null : keySchema.serialize(element);
            byte[] value = valueSchema.serialize(element);
            Integer partition = partitioner == null ? null
                    : partitioner.partition(element, key, value, topic, context.getPartitionsForTopic(topic));
            return new ProducerRecord<>(topic, partition, timestamp, key, value);
        }
    }
}
