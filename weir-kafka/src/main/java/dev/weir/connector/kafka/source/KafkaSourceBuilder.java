package dev.weir.connector.kafka.source;

import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.common.serialization.DeserializationSchema;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/** Builds a {@link KafkaSource} with Flink's builder methods; {@link #build()} says what is missing. */
public final class KafkaSourceBuilder<OUT> {
    private final Map<String, String> properties = new HashMap<>();
    private List<String> topics;
    private Pattern topicPattern;
    private Set<TopicPartition> partitions;
    private OffsetsInitializer startingOffsets = OffsetsInitializer.earliest();
    private OffsetsInitializer stoppingOffsets;
    private Boundedness boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
    private KafkaRecordDeserializationSchema<OUT> deserializer;
    private String deadLetterTopic;

    KafkaSourceBuilder() {
    }

    public KafkaSourceBuilder<OUT> setBootstrapServers(String bootstrapServers) {
        return setProperty("bootstrap.servers", bootstrapServers);
    }

    public KafkaSourceBuilder<OUT> setTopics(String... topics) {
        return setTopics(Arrays.asList(topics));
    }

    public KafkaSourceBuilder<OUT> setTopics(List<String> topics) {
        ensureNoSubscriptionYet("topics");
        this.topics = List.copyOf(topics);
        return this;
    }

    /** Reads every topic whose whole name matches, including topics created later (found on discovery). */
    public KafkaSourceBuilder<OUT> setTopicPattern(Pattern topicPattern) {
        ensureNoSubscriptionYet("topic pattern");
        this.topicPattern = Objects.requireNonNull(topicPattern, "topicPattern");
        return this;
    }

    /**
     * Reads exactly these partitions and no others, as Flink's: discovery never adds another partition of their
     * topics, and a partition the brokers do not have (yet) is skipped until a discovery finds it.
     */
    public KafkaSourceBuilder<OUT> setPartitions(Set<TopicPartition> partitions) {
        ensureNoSubscriptionYet("partitions");
        this.partitions = Set.copyOf(partitions);
        return this;
    }

    /** A source subscribes one way (topics, a pattern or partitions), once: a second call fails, as in Flink. */
    private void ensureNoSubscriptionYet(String attempted) {
        String existing = topics != null ? "topic list (setTopics)" : topicPattern != null ? "topic pattern (setTopicPattern)"
                : partitions != null ? "partition set (setPartitions)" : null;
        if (existing != null) {
            throw new IllegalStateException("Cannot use " + attempted + " for consumption because a " + existing
                    + " is already set for consumption.");
        }
    }

    /** The consumer group that offsets are committed to (for monitoring) and read from by {@code committedOffsets}. */
    public KafkaSourceBuilder<OUT> setGroupId(String groupId) {
        return setProperty("group.id", groupId);
    }

    /** Where each partition starts when the job does not restore a checkpoint (default: earliest). */
    public KafkaSourceBuilder<OUT> setStartingOffsets(OffsetsInitializer startingOffsets) {
        this.startingOffsets = Objects.requireNonNull(startingOffsets, "startingOffsets");
        return this;
    }

    /** Makes the source bounded: each partition is read up to these offsets, then the source ends. */
    public KafkaSourceBuilder<OUT> setBounded(OffsetsInitializer stoppingOffsets) {
        this.stoppingOffsets = Objects.requireNonNull(stoppingOffsets, "stoppingOffsets");
        this.boundedness = Boundedness.BOUNDED;
        return this;
    }

    /** Keeps the source unbounded (streaming execution) but stops each partition at these offsets. */
    public KafkaSourceBuilder<OUT> setUnbounded(OffsetsInitializer stoppingOffsets) {
        this.stoppingOffsets = Objects.requireNonNull(stoppingOffsets, "stoppingOffsets");
        this.boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
        return this;
    }

    public KafkaSourceBuilder<OUT> setDeserializer(KafkaRecordDeserializationSchema<OUT> deserializer) {
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        return this;
    }

    public KafkaSourceBuilder<OUT> setValueOnlyDeserializer(DeserializationSchema<OUT> valueDeserializer) {
        return setDeserializer(KafkaRecordDeserializationSchema.valueOnly(valueDeserializer));
    }

    /**
     * Sends records the deserializer rejects to this topic instead of failing the job: the original key, value and
     * headers, plus headers {@code weir.dlq.reason}, {@code weir.dlq.topic}, {@code weir.dlq.partition} and
     * {@code weir.dlq.offset}. Dead letters are flushed on every checkpoint (at least once).
     */
    public KafkaSourceBuilder<OUT> setDeadLetterTopic(String topic) {
        this.deadLetterTopic = Objects.requireNonNull(topic, "topic");
        return this;
    }

    /** Sets a Kafka consumer property, or {@code partition.discovery.interval.ms} (a value of 0 or less turns discovery off). */
    public KafkaSourceBuilder<OUT> setProperty(String key, String value) {
        properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    public KafkaSourceBuilder<OUT> setProperties(Properties props) {
        props.forEach((k, v) -> setProperty(String.valueOf(k), String.valueOf(v)));
        return this;
    }

    public KafkaSource<OUT> build() {
        if (!properties.containsKey("bootstrap.servers")) {
            throw new IllegalStateException("KafkaSource needs the brokers: call setBootstrapServers(\"host:9092\")");
        }
        if (topics == null && topicPattern == null && partitions == null) {
            throw new IllegalStateException("KafkaSource needs topics: call setTopics(...), setTopicPattern(...) or "
                    + "setPartitions(...)");
        }
        if (deserializer == null) {
            throw new IllegalStateException("KafkaSource needs a deserializer: call setValueOnlyDeserializer(new SimpleStringSchema())"
                    + " or setDeserializer(...)");
        }
        return new KafkaSource<>(properties, topics, topicPattern, partitions, startingOffsets, stoppingOffsets, boundedness, deserializer,
                deadLetterTopic);
    }
}
