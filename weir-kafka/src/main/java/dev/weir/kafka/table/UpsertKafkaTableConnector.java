package dev.weir.kafka.table;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.connector.TableConnector;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.types.Row;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Flink's {@code 'connector' = 'upsert-kafka'} table: a changelog keyed by the table's PRIMARY KEY, the record key.
 * Reading starts at the earliest offsets and turns each record into an update of its key and each tombstone into a
 * delete ({@code +I}, {@code -U}/{@code +U}, {@code -D} after normalization); writing takes updating queries and
 * writes {@code +I}/{@code +U} as values and {@code -D} as tombstones. Found by weir-sql through
 * {@link java.util.ServiceLoader}.
 */
public final class UpsertKafkaTableConnector implements TableConnector {
    private static final Set<String> OPTIONS = KafkaTableConnector.union(KafkaTableConnector.COMMON_OPTIONS,
            Set.of("sink.buffer-flush.max-rows", "sink.buffer-flush.interval"));

    @Override
    public String identifier() {
        return "upsert-kafka";
    }

    @Override
    public boolean supportsOption(String key) {
        return OPTIONS.contains(key) || key.startsWith("properties.") || KafkaTableOptions.isFormatOption(key, Set.of("key.", "value."));
    }

    @Override
    public Set<String> describeOptions() {
        Set<String> all = new TreeSet<>(OPTIONS);
        all.add("properties.*");
        for (String f : KafkaRowFormat.OPTIONS) {
            all.add("key." + f);
            all.add("value." + f);
        }
        return all;
    }

    @Override
    public void validate(CatalogTable table) {
        new KafkaTableWiring(table, true).validate();
    }

    @Override
    public boolean supportsMetadata(String key) {
        return KafkaMetadata.of(key) != null;
    }

    @Override
    public boolean producesUpdates(CatalogTable table) {
        return true;
    }

    @Override
    public DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType) {
        return new KafkaTableWiring(table, true).source(env);
    }

    @Override
    public void createSink(DataStream<Row> rows, CatalogTable table, RelDataType type, boolean updating) {
        new KafkaTableWiring(table, true).sink(rows, updating);
    }
}
