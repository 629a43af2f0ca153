package dev.weir.connector.kafka.source;

import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads Kafka topics, built as in Flink:
 *
 * <pre>{@code
 * KafkaSource<String> source = KafkaSource.<String>builder()
 *         .setBootstrapServers("localhost:9092")
 *         .setTopics("sensor-readings")
 *         .setGroupId("averages")
 *         .setStartingOffsets(OffsetsInitializer.earliest())
 *         .setValueOnlyDeserializer(new SimpleStringSchema())
 *         .build();
 * env.fromSource(source, WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofSeconds(5)), "readings");
 * }</pre>
 *
 * <p>Each parallel reader reads the partitions it owns (a fixed function of topic, partition and parallelism) with
 * {@code consumer.assign}, so no consumer-group rebalancing is involved; new partitions and matching topics (with
 * {@code setPartitions}, only given partitions the brokers did not have before) are discovered every
 * {@code partition.discovery.interval.ms} (30 s by default; off for bounded reads). A record's Kafka timestamp is its event timestamp unless the watermark strategy assigns another, and watermarks are
 * generated per partition: a slow partition holds the watermark back, an idle one (with {@code withIdleness}) does
 * not. Positions are part of checkpoints and are committed to the group when a checkpoint completes, for monitoring
 * only. A record the deserializer rejects fails the job with its topic, partition and offset, or goes to the
 * dead-letter topic given with {@link KafkaSourceBuilder#setDeadLetterTopic(String)}.
 *
 * <p>Consumer properties go to the consumer unchanged; unlike Flink's source, which leaves unset properties at the
 * client's defaults, a reader fetches up to 8 MB per partition ({@code max.partition.fetch.bytes}, Kafka's default
 * 1 MB) unless the user sets it: the reader polls without waiting, and fewer, larger fetches leave it idle less often.
 */
public final class KafkaSource<OUT> implements Source<OUT> {
    private static final long serialVersionUID = 1L;

    final HashMap<String, String> properties;
    final List<String> topics;
    final Pattern topicPattern;
    /** The partitions of {@code setPartitions}, or null: then the topics' or the pattern's partitions. */
    final Set<TopicPartition> partitions;
    final OffsetsInitializer startingOffsets;
    final OffsetsInitializer stoppingOffsets;
    final Boundedness boundedness;
    final KafkaRecordDeserializationSchema<OUT> deserializer;
    final String deadLetterTopic;

    KafkaSource(Map<String, String> properties, List<String> topics, Pattern topicPattern, Set<TopicPartition> partitions,
                OffsetsInitializer startingOffsets,
                OffsetsInitializer stoppingOffsets, Boundedness boundedness, KafkaRecordDeserializationSchema<OUT> deserializer,
                String deadLetterTopic) {
        this.properties = new HashMap<>(properties);
        this.topics = topics;
        this.topicPattern = topicPattern;
        this.partitions = partitions;
        this.startingOffsets = startingOffsets;
        this.stoppingOffsets = stoppingOffsets;
        this.boundedness = boundedness;
        this.deserializer = deserializer;
        this.deadLetterTopic = deadLetterTopic;
    }

    public static <OUT> KafkaSourceBuilder<OUT> builder() {
        return new KafkaSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return boundedness;
    }

    @Override
    public SourceReader<OUT> createReader(SourceReaderContext readerContext) {
        return new KafkaSourceReader<>(this, readerContext.getIndexOfSubtask(), readerContext.getParallelism(), readerContext::metricGroup);
    }
}
