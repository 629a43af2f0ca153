package dev.weir.kafka.table;

import dev.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a table row into a Kafka record: the key columns in the key format (no key without {@code key.fields}), the
 * value columns in the value format. For an {@code upsert-kafka} table a {@code -D} row becomes a tombstone (the key
 * and a null value) and a {@code -U} row writes nothing, since the {@code +U} that follows replaces the key's value.
 * The record has no timestamp of its own (the producer stamps it), as in Flink when no {@code timestamp} metadata is
 * written. {@code 'sink.partitioner' = 'fixed'} sends each sink subtask's records to one partition, as Flink's
 * {@code FlinkFixedPartitioner}; {@code 'default'} leaves it to Kafka (by key hash, or sticky without a key).
 */
final class KafkaRowSerializer implements KafkaRecordSerializationSchema<Row> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final KafkaRowFormat keyFormat;
    private final int[] keyPositions;
    private final KafkaRowFormat valueFormat;
    private final int[] valuePositions;
    private final boolean upsert;
    private final boolean fixedPartition;
    private transient int subtask;

    KafkaRowSerializer(String topic, KafkaColumns columns, KafkaRowFormat keyFormat, KafkaRowFormat valueFormat, boolean upsert,
            boolean fixedPartition) {
        this.topic = topic;
        this.keyFormat = keyFormat;
        this.keyPositions = columns.keyPositions;
        this.valueFormat = valueFormat;
        this.valuePositions = columns.valuePositions;
        this.upsert = upsert;
        this.fixedPartition = fixedPartition;
    }

    @Override
    public void open(KafkaSinkContext context) {
        subtask = context.getParallelInstanceId();
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Row row, KafkaSinkContext context, Long timestamp) {
        RowKind kind = row.getKind();
        if (upsert && kind == RowKind.UPDATE_BEFORE) {
            return null;
        }
        byte[] key = keyFormat == null || keyPositions.length == 0 ? null : keyFormat.encode(project(row, keyPositions));
        byte[] value = upsert && kind == RowKind.DELETE ? null : valueFormat.encode(project(row, valuePositions));
        Integer partition = null;
        if (fixedPartition) {
            int[] partitions = context.getPartitionsForTopic(topic);
            partition = partitions[subtask % partitions.length];
        }
        return new ProducerRecord<>(topic, partition, null, key, value);
    }

    private static Row project(Row row, int[] positions) {
        Row projected = new Row(positions.length);
        for (int i = 0; i < positions.length; i++) {
            projected.setField(i, row.getField(positions[i]));
        }
        return projected;
    }
}
