package dev.weir.connector.kafka.sink;

import java.util.ArrayList;

/**
 * The records one exactly-once writer subtask received between two checkpoints, stored in the checkpoint and
 * written in one Kafka transaction (under a transactional id used for nothing else) when the checkpoint completes.
 */
public final class KafkaCommittable {
    public String transactionalId;
    public ArrayList<PendingRecord> records;

    public KafkaCommittable() {
    }

    KafkaCommittable(String transactionalId, ArrayList<PendingRecord> records) {
        this.transactionalId = transactionalId;
        this.records = records;
    }

    /** One serialized record waiting for its transaction; partition -1 and timestamp Long.MIN_VALUE mean none. */
    public static final class PendingRecord {
        public String topic;
        public int partition;
        public long timestamp;
        public byte[] key;
        public byte[] value;

        public PendingRecord() {
        }

        PendingRecord(String topic, int partition, long timestamp, byte[] key, byte[] value) {
            this.topic = topic;
            this.partition = partition;
            this.timestamp = timestamp;
            this.key = key;
            this.value = value;
        }
    }
}
