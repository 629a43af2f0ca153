package dev.weir.connector.kafka.sink;

import java.io.Serializable;

/** Chooses the partition of each record a {@link KafkaSink} writes, as Flink's {@code FlinkKafkaPartitioner}. */
public interface KafkaPartitioner<T> extends Serializable {
    /** Called once per sink subtask before the first {@link #partition}. */
    default void open(int parallelInstanceId, int parallelInstances) {
    }

    /** One of {@code partitions} (the topic's partition numbers) for this record. */
    int partition(T record, byte[] key, byte[] value, String targetTopic, int[] partitions);
}
