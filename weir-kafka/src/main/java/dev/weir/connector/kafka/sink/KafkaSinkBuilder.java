package dev.weir.connector.kafka.sink;

import dev.weir.connector.base.DeliveryGuarantee;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/** Builds a {@link KafkaSink} with Flink's builder methods; {@link #build()} says what is missing. */
public final class KafkaSinkBuilder<IN> {
    private final Map<String, String> properties = new HashMap<>();
    private KafkaRecordSerializationSchema<IN> serializer;
    private DeliveryGuarantee guarantee = DeliveryGuarantee.NONE;
    private String transactionalIdPrefix;

    KafkaSinkBuilder() {
    }

    public KafkaSinkBuilder<IN> setBootstrapServers(String bootstrapServers) {
        return setProperty("bootstrap.servers", bootstrapServers);
    }

    public KafkaSinkBuilder<IN> setRecordSerializer(KafkaRecordSerializationSchema<IN> serializer) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        return this;
    }

    public KafkaSinkBuilder<IN> setDeliveryGuarantee(DeliveryGuarantee guarantee) {
        this.guarantee = Objects.requireNonNull(guarantee, "guarantee");
        return this;
    }

    /** The prefix of the transactional ids of {@link DeliveryGuarantee#EXACTLY_ONCE}; unique per job writing to a cluster. */
    public KafkaSinkBuilder<IN> setTransactionalIdPrefix(String prefix) {
        this.transactionalIdPrefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    public KafkaSinkBuilder<IN> setProperty(String key, String value) {
        properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    public KafkaSinkBuilder<IN> setKafkaProducerConfig(Properties props) {
        props.forEach((k, v) -> setProperty(String.valueOf(k), String.valueOf(v)));
        return this;
    }

    public KafkaSink<IN> build() {
        if (!properties.containsKey("bootstrap.servers")) {
            throw new IllegalStateException("KafkaSink needs the brokers: call setBootstrapServers(\"host:9092\")");
        }
        if (serializer == null) {
            throw new IllegalStateException("KafkaSink needs a record serializer: call setRecordSerializer("
                    + "KafkaRecordSerializationSchema.builder().setTopic(..).setValueSerializationSchema(..).build())");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && (transactionalIdPrefix == null || transactionalIdPrefix.isBlank())) {
            throw new IllegalStateException("KafkaSink with EXACTLY_ONCE needs a transactional id prefix unique to this job:"
                    + " call setTransactionalIdPrefix(\"my-job\")");
        }
        return new KafkaSink<>(properties, serializer, guarantee, transactionalIdPrefix);
    }
}
