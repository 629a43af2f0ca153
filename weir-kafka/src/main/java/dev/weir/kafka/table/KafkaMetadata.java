package dev.weir.kafka.table;

import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The metadata a Kafka table's source reads, by Flink's keys ({@code METADATA FROM 'offset'}), and its SQL type. */
enum KafkaMetadata {
    TOPIC("topic", SqlTypeName.VARCHAR, "STRING NOT NULL"),
    PARTITION("partition", SqlTypeName.INTEGER, "INT NOT NULL"),
    OFFSET("offset", SqlTypeName.BIGINT, "BIGINT NOT NULL"),
    TIMESTAMP("timestamp", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, "TIMESTAMP_LTZ(3) NOT NULL"),
    TIMESTAMP_TYPE("timestamp-type", SqlTypeName.VARCHAR, "STRING NOT NULL"),
    LEADER_EPOCH("leader-epoch", SqlTypeName.INTEGER, "INT NULL");

    final String key;
    final SqlTypeName type;
    final String typeName;

    KafkaMetadata(String key, SqlTypeName type, String typeName) {
        this.key = key;
        this.type = type;
        this.typeName = typeName;
    }

    static KafkaMetadata of(String key) {
        for (KafkaMetadata m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }

    static String keys() {
        StringBuilder sb = new StringBuilder();
        for (KafkaMetadata m : values()) {
            sb.append(sb.length() == 0 ? "" : "\n").append('\'').append(m.key).append("': ").append(m.typeName);
        }
        return sb.toString();
    }

    /** The value of this metadata of {@code record}, in Weir SQL's internal form (a TIMESTAMP_LTZ is epoch millis). */
    Object of(ConsumerRecord<byte[], byte[]> record) {
        switch (this) {
            case TOPIC:
                return record.topic();
            case PARTITION:
                return record.partition();
            case OFFSET:
                return record.offset();
            case TIMESTAMP:
                return record.timestamp();
            case TIMESTAMP_TYPE:
                return record.timestampType().toString();
            default:
                return record.leaderEpoch().orElse(null);
        }
    }
}
