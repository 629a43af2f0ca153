package dev.weir.kafka.table;

import dev.weir.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a Kafka record into a table row: key columns from the key bytes, value columns from the value bytes, metadata
 * columns from the record. A record whose value is null (a tombstone) is skipped by a {@code kafka} table, as Flink's
 * formats skip it, and is a delete of its key for an {@code upsert-kafka} table, whose other rows are updates
 * ({@code +U}) of their key. A record that does not parse fails the job (the source names its topic, partition and
 * offset) unless the format's {@code ignore-parse-errors} skips it.
 */
final class KafkaRowDeserializer implements KafkaRecordDeserializationSchema<Row> {
    private static final long serialVersionUID = 1L;

    private final int arity;
    private final KafkaRowFormat keyFormat;
    private final int[] keyPositions;
    private final KafkaRowFormat valueFormat;
    private final int[] valuePositions;
    private final int[] metadataPositions;
    private final KafkaMetadata[] metadata;
    private final boolean upsert;

    KafkaRowDeserializer(KafkaColumns columns, KafkaRowFormat keyFormat, KafkaRowFormat valueFormat, boolean upsert) {
        this.arity = columns.arity;
        this.keyFormat = keyFormat;
        this.keyPositions = columns.keyPositions;
        this.valueFormat = valueFormat;
        this.valuePositions = columns.valuePositions;
        this.metadataPositions = columns.metadataPositions;
        this.metadata = columns.metadata;
        this.upsert = upsert;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Row> out) {
        if (record.value() == null && !upsert) {
            return;
        }
        Row row = new Row(upsert ? (record.value() == null ? RowKind.DELETE : RowKind.UPDATE_AFTER) : RowKind.INSERT, arity);
        if (keyFormat != null && keyPositions.length > 0) {
            if (record.key() == null) {
                if (upsert) {
                    throw new IllegalArgumentException("An 'upsert-kafka' record must have a key (the table's primary key), but this "
                            + "one has none; write the topic with keys, or read it with the 'kafka' connector");
                }
            } else {
                Row key = keyFormat.decode(record.key(), record);
                if (key == null) {
                    return;
                }
                for (int i = 0; i < keyPositions.length; i++) {
                    row.setField(keyPositions[i], key.getField(i));
                }
            }
        }
        if (record.value() != null) {
            Row value = valueFormat.decode(record.value(), record);
            if (value == null) {
                return;
            }
            for (int i = 0; i < valuePositions.length; i++) {
                row.setField(valuePositions[i], value.getField(i));
            }
        }
        for (int i = 0; i < metadataPositions.length; i++) {
            row.setField(metadataPositions[i], metadata[i].of(record));
        }
        out.collect(row);
    }
}
