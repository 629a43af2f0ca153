package dev.weir.connector.kafka.source.enumerator.initializer;

import dev.weir.connector.kafka.source.KafkaSource;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides the offset a partition starts (or stops) at, with Flink's factories: {@link #earliest()},
 * {@link #latest()}, {@link #committedOffsets()}, {@link #committedOffsets(OffsetResetStrategy)},
 * {@link #timestamp(long)} and {@link #offsets(Map)}.
 */
@FunctionalInterface
public interface OffsetsInitializer extends Serializable {
    /** The offset of each partition, looked up through {@code consumer} (which is assigned nothing in particular). */
    Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions, Consumer<?, ?> consumer);

    /** The first offset still in each partition. */
    static OffsetsInitializer earliest() {
        return (partitions, consumer) -> consumer.beginningOffsets(partitions);
    }

    /** The end of each partition when the reader looks it up: only records written after that are read. */
    static OffsetsInitializer latest() {
        return (partitions, consumer) -> consumer.endOffsets(partitions);
    }

    /** The consumer group's committed offsets; partitions without one start at the earliest offset. */
    static OffsetsInitializer committedOffsets() {
        return committedOffsets(OffsetResetStrategy.EARLIEST);
    }

    /** The consumer group's committed offsets; partitions without one start as {@code reset} says. */
    static OffsetsInitializer committedOffsets(OffsetResetStrategy reset) {
        Objects.requireNonNull(reset, "reset");
        return (partitions, consumer) -> {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            Map<TopicPartition, Long> result = new HashMap<>();
            Map<TopicPartition, Long> fallback = null;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                if (c != null) {
                    result.put(tp, c.offset());
                    continue;
                }
                if (reset == OffsetResetStrategy.NONE) {
                    throw new IllegalStateException("KafkaSource: partition " + tp + " has no committed offset for the group"
                            + " and the reset strategy is NONE; use committedOffsets(OffsetResetStrategy.EARLIEST) or LATEST");
                }
                if (fallback == null) {
                    fallback = reset == OffsetResetStrategy.EARLIEST ? consumer.beginningOffsets(partitions) : consumer.endOffsets(partitions);
                }
                result.put(tp, fallback.get(tp));
            }
            return result;
        };
    }

    /** The first record whose timestamp is at or after {@code timestamp} (ms); partitions with none start at the end. */
    static OffsetsInitializer timestamp(long timestamp) {
        return (partitions, consumer) -> {
            Map<TopicPartition, Long> query = new HashMap<>();
            for (TopicPartition tp : partitions) {
                query.put(tp, timestamp);
            }
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> result = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = found.get(tp);
                result.put(tp, at != null ? at.offset() : ends.get(tp));
            }
            return result;
        };
    }

    /** Given offsets; partitions not in the map start at the earliest offset. */
    static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> copy = new HashMap<>(offsets);
        return (partitions, consumer) -> {
            Map<TopicPartition, Long> result = new HashMap<>(consumer.beginningOffsets(partitions));
            for (TopicPartition tp : partitions) {
                Long given = copy.get(tp);
                if (given != null) {
                    result.put(tp, given);
                }
            }
            return result;
        };
    }
}
