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
 * Flink's {@code 'connector' = 'kafka'} table: an append-only table over one or more topics, read with Weir's
 * {@code KafkaSource} and written with its {@code KafkaSink} ({@code sink.delivery-guarantee} none, at-least-once or
 * exactly-once by Kafka transactions). Found by weir-sql through {@link java.util.ServiceLoader}.
 */
public final class KafkaTableConnector implements TableConnector {
    static final Set<String> COMMON_OPTIONS = Set.of("topic", "properties.bootstrap.servers", "properties.group.id", "key.format",
            "key.fields-prefix", "value.format", "value.fields-include", "sink.parallelism", "sink.delivery-guarantee",
            "sink.transactional-id-prefix", "scan.bounded.mode", "scan.bounded.timestamp-millis", "scan.bounded.specific-offsets",
            "scan.parallelism");
    private static final Set<String> OPTIONS = union(COMMON_OPTIONS, Set.of("format", "key.fields", "scan.startup.mode",
            "scan.startup.timestamp-millis", "scan.startup.specific-offsets", "scan.topic-partition-discovery.interval",
            "sink.partitioner"));

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public String identifier() {
        return "kafka";
    }

    @Override
    public boolean supportsOption(String key) {
        return OPTIONS.contains(key) || key.startsWith("properties.") || KafkaTableOptions.isFormatOption(key, Set.of("", "key.", "value."));
    }

    @Override
    public Set<String> describeOptions() {
        Set<String> all = new TreeSet<>(OPTIONS);
        all.add("properties.*");
        for (String f : KafkaRowFormat.OPTIONS) {
            all.add(f);
            all.add("key." + f);
            all.add("value." + f);
        }
        return all;
    }

    @Override
    public void validate(CatalogTable table) {
        new KafkaTableWiring(table, false).validate();
    }

    @Override
    public boolean supportsMetadata(String key) {
        return KafkaMetadata.of(key) != null;
    }

    @Override
    public DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType) {
        return new KafkaTableWiring(table, false).source(env);
    }

    @Override
    public void createSink(DataStream<Row> rows, CatalogTable table, RelDataType type, boolean updating) {
        new KafkaTableWiring(table, false).sink(rows, updating);
    }
}
