package dev.weir.connector.kafka.source;

import org.apache.kafka.common.TopicPartition;

/**
 * Which reader subtask reads a partition: a topic's partitions go round-robin over the readers from a start index
 * that depends on the topic's name, so several topics spread evenly. The same for every run at one parallelism.
 */
final class PartitionOwnership {
    private PartitionOwnership() {
    }

    static int owner(TopicPartition tp, int parallelism) {
        int start = ((tp.topic().hashCode() * 31) & 0x7FFFFFFF) % parallelism;
        return (start + tp.partition()) % parallelism;
    }
}
