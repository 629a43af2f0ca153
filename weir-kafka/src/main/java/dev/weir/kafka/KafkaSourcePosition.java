package dev.weir.kafka;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** A reader's position in a checkpoint: the next offset to read of each partition it owns. */
public final class KafkaSourcePosition {
    /** Keys are {@code topic:partition} (a topic name cannot contain ':'). */
    public HashMap<String, Long> nextOffsets = new HashMap<>();
    /** Partitions ended by an end-of-stream element ({@code DeserializationSchema#isEndOfStream}), same keys. */
    public HashSet<String> endedPartitions = new HashSet<>();

    public KafkaSourcePosition() {
    }

    /** The position of the given next offsets. */
    public KafkaSourcePosition(Map<TopicPartition, Long> offsets) {
        offsets.forEach((tp, offset) -> nextOffsets.put(key(tp), offset));
    }

    /** The position of the given next offsets, with the partitions that ended by an end-of-stream element. */
    public KafkaSourcePosition(Map<TopicPartition, Long> offsets, Set<TopicPartition> ended) {
        this(offsets);
        ended.forEach(tp -> endedPartitions.add(key(tp)));
    }

    /** The partitions that ended by an end-of-stream element. */
    public Set<TopicPartition> endedPartitions() {
        Set<TopicPartition> result = new HashSet<>();
        if (endedPartitions != null) {
            endedPartitions.forEach(key -> result.add(partition(key)));
        }
        return result;
    }

    private static TopicPartition partition(String key) {
        int colon = key.lastIndexOf(':');
        return new TopicPartition(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)));
    }

    /** The next offsets by partition. */
    public Map<TopicPartition, Long> toMap() {
        Map<TopicPartition, Long> result = new HashMap<>();
        nextOffsets.forEach((key, offset) -> {
            int colon = key.lastIndexOf(':');
            result.put(new TopicPartition(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1))), offset);
        });
        return result;
    }

    static String key(TopicPartition tp) {
        return tp.topic() + ":" + tp.partition();
    }
}
