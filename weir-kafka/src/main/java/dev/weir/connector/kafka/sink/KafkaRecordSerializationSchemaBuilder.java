package dev.weir.connector.kafka.sink;

import dev.weir.api.common.serialization.SerializationSchema;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds a {@link KafkaRecordSerializationSchema} from a topic (or a {@link TopicSelector} choosing each record's), value
 * and optional key schemas and a partitioner.
 */
public final class KafkaRecordSerializationSchemaBuilder<T> {
    private TopicSelector<? super T> topicSelector;
    private SerializationSchema<? super T> keySchema;
    private SerializationSchema<? super T> valueSchema;
    private KafkaPartitioner<? super T> partitioner;

    KafkaRecordSerializationSchemaBuilder() {
    }

    /** Writes every record to {@code topic}; a schema has one topic or one selector, as in Flink. */
    public KafkaRecordSerializationSchemaBuilder<T> setTopic(String topic) {
        Objects.requireNonNull(topic, "topic");
        return setTopicSelector(new ConstantTopic<>(topic));
    }

    /** Writes each record to the topic {@code topicSelector} chooses for it; it cannot follow setTopic, as in Flink. */
    public KafkaRecordSerializationSchemaBuilder<T> setTopicSelector(TopicSelector<? super T> topicSelector) {
        if (this.topicSelector != null) {
            throw new IllegalStateException("Topic selector already set.");
        }
        this.topicSelector = Objects.requireNonNull(topicSelector, "topicSelector");
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
        if (topicSelector == null) {
            throw new IllegalStateException("KafkaRecordSerializationSchema needs a topic: call setTopic(\"name\") or "
                    + "setTopicSelector(...)");
        }
        if (valueSchema == null) {
            throw new IllegalStateException("KafkaRecordSerializationSchema needs a value schema: call"
                    + " setValueSerializationSchema(new SimpleStringSchema())");
        }
        return new Built<>(topicSelector, keySchema, valueSchema, partitioner);
    }

    private static final class Built<T> implements KafkaRecordSerializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final TopicSelector<? super T> topicSelector;
        private final SerializationSchema<? super T> keySchema;
        private final SerializationSchema<? super T> valueSchema;
        private final KafkaPartitioner<? super T> partitioner;

        Built(TopicSelector<? super T> topicSelector, SerializationSchema<? super T> keySchema,
              SerializationSchema<? super T> valueSchema, KafkaPartitioner<? super T> partitioner) {
            this.topicSelector = topicSelector;
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
            String topic = topicSelector.apply(element);
            if (topic == null) {
                throw new IllegalArgumentException("the TopicSelector chose no topic (null) for the record " + element);
            }
            byte[] key = keySchema == null ? null : keySchema.serialize(element);
            byte[] value = valueSchema.serialize(element);
            Integer partition = partitioner == null ? null
                    : partitioner.partition(element, key, value, topic, context.getPartitionsForTopic(topic));
            return new ProducerRecord<>(topic, partition, timestamp, key, value);
        }
    }

    /** The selector of {@code setTopic}: one topic for every record. */
    private record ConstantTopic<T>(String topic) implements TopicSelector<T> {
        @Override
        public String apply(T element) {
            return topic;
        }
    }
}
