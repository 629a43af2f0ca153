package dev.weir.kafka.table;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.connector.kafka.sink.KafkaSink;
import dev.weir.connector.kafka.sink.KafkaSinkBuilder;
import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.KafkaSourceBuilder;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.runtime.ChangelogNormalizeFunction;
import dev.weir.sql.runtime.RowKeySelector;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.DataStreamSource;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds the Kafka source and sink of a {@code kafka} or {@code upsert-kafka} table on Weir's DataStream
 * {@link KafkaSource} and {@link KafkaSink}: key and value formats, columns, offsets and delivery guarantee from the
 * table's options. An upsert table's source is followed by a ChangelogNormalize keyed by the primary key, which turns
 * the topic's upserts and tombstones into {@code +I}, {@code -U}/{@code +U} and {@code -D} rows, as in Flink.
 */
final class KafkaTableWiring {
    private final CatalogTable table;
    private final boolean upsert;
    private final KafkaTableOptions options;

    KafkaTableWiring(CatalogTable table, boolean upsert) {
        this.table = table;
        this.upsert = upsert;
        this.options = new KafkaTableOptions(table);
    }

    /** Checks the options and the columns when a query uses the table (Flink, too, checks options then, not at CREATE TABLE). */
    void validate() {
        options.required("properties.bootstrap.servers", "localhost:9092");
        options.topics();
        columns(true);
        formats(columns(false));
        if (!upsert) {
            // The mode only: what a mode needs (a group id, a timestamp) is checked when the table is read, as a sink-only
            // table needs none of it.
            options.choice("scan.startup.mode", "group-offsets",
                    List.of("earliest-offset", "latest-offset", "group-offsets", "timestamp", "specific-offsets"));
        }
        options.choice("scan.bounded.mode", "unbounded", List.of("unbounded", "latest-offset", "group-offsets", "timestamp",
                "specific-offsets"));
        options.deliveryGuarantee();
        options.choice("sink.partitioner", "default", upsert ? List.of("default") : List.of("default", "fixed"));
    }

    DataStream<Row> source(StreamExecutionEnvironment env) {
        KafkaColumns columns = columns(true);
        KafkaRowFormat[] formats = formats(columns);
        List<String> topics = options.topics();
        KafkaSourceBuilder<Row> builder = KafkaSource.<Row>builder().setTopics(topics)
                // An upsert table is the topic's whole history: it always starts at the earliest offsets, as Flink's does.
                .setStartingOffsets(upsert ? OffsetsInitializer.earliest() : options.startingOffsets())
                .setDeserializer(new KafkaRowDeserializer(columns, formats[0], formats[1], upsert));
        for (Map.Entry<String, String> p : options.properties().entrySet()) {
            builder.setProperty(p.getKey(), p.getValue());
        }
        OffsetsInitializer stop = options.stoppingOffsets();
        if (stop != null) {
            builder.setBounded(stop);
        }
        String name = "Source: " + table.name() + " [" + (upsert ? "upsert-kafka" : "kafka") + ", " + String.join(";", topics) + "]";
        DataStreamSource<Row> rows = env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), name);
        String parallelism = options.get("scan.parallelism");
        if (parallelism != null) {
            rows.setParallelism(Integer.parseInt(parallelism));
        }
        if (!upsert) {
            return rows;
        }
        return rows.keyBy(new RowKeySelector(columns.keyPositions)).process(new ChangelogNormalizeFunction())
                .name("ChangelogNormalize(key=[" + String.join(", ", table.schema().getPrimaryKeyColumns()) + "])");
    }

    void sink(DataStream<Row> rows, boolean updating) {
        if (updating && !upsert) {
            throw new ValidationException("Table sink '" + table.name() + "' doesn't support consuming update and delete changes: "
                    + "the 'kafka' connector appends rows; write an insert-only query (a window aggregate instead of an unbounded "
                    + "GROUP BY), or declare the table with 'connector' = 'upsert-kafka' and a PRIMARY KEY");
        }
        KafkaColumns columns = columns(false);
        KafkaRowFormat[] formats = formats(columns);
        List<String> topics = options.topics();
        if (topics.size() != 1) {
            throw new ValidationException("The Kafka sink of table '" + table.name() + "' writes one topic, but 'topic' lists "
                    + topics + "; give a single topic");
        }
        boolean fixed = options.choice("sink.partitioner", "default", List.of("default", "fixed")).equals("fixed");
        KafkaSinkBuilder<Row> builder = KafkaSink.<Row>builder()
                .setRecordSerializer(new KafkaRowSerializer(topics.get(0), columns, formats[0], formats[1], upsert, fixed))
                .setDeliveryGuarantee(options.deliveryGuarantee());
        String prefix = options.get("sink.transactional-id-prefix");
        if (prefix != null) {
            builder.setTransactionalIdPrefix(prefix);
        }
        for (Map.Entry<String, String> p : options.properties().entrySet()) {
            builder.setProperty(p.getKey(), p.getValue());
        }
        var result = rows.sinkTo(builder.build()).name("Sink: " + table.name() + " [" + (upsert ? "upsert-kafka" : "kafka") + ", "
                + topics.get(0) + "]");
        String parallelism = options.get("sink.parallelism");
        if (parallelism != null) {
            result.setParallelism(Integer.parseInt(parallelism));
        }
    }

    private KafkaColumns columns(boolean withMetadata) {
        List<String> keyFields;
        if (upsert) {
            keyFields = table.schema().getPrimaryKeyColumns();
            if (keyFields.isEmpty()) {
                throw new ValidationException("'upsert-kafka' tables require to define a PRIMARY KEY constraint. The PRIMARY KEY "
                        + "specifies which columns should be read from or write to the Kafka message key. The PRIMARY KEY also "
                        + "defines records in the 'upsert-kafka' table should update or delete on which keys. Add e.g. "
                        + "PRIMARY KEY (id) NOT ENFORCED to table '" + table.name() + "'");
            }
        } else {
            String fields = options.get("key.fields");
            keyFields = fields == null ? List.of() : Arrays.stream(fields.split(";")).map(String::trim).toList();
            if (!keyFields.isEmpty() && options.get("key.format") == null) {
                throw new ValidationException("The option 'key.fields' of table '" + table.name() + "' requires a key format: add "
                        + "'key.format' = 'json' (or 'csv', 'raw')");
            }
            if (keyFields.isEmpty() && options.get("key.format") != null) {
                throw new ValidationException("A key format 'key.format' requires the declaration of one or more of key fields "
                        + "using 'key.fields' (table '" + table.name() + "'); add e.g. 'key.fields' = 'id'");
            }
        }
        boolean exceptKey = options.choice("value.fields-include", "ALL", List.of("ALL", "EXCEPT_KEY")).equals("EXCEPT_KEY");
        String prefix = options.get("key.fields-prefix", "");
        if (!prefix.isEmpty() && !exceptKey) {
            throw new ValidationException("A key prefix is not allowed when option 'value.fields-include' is set to 'ALL' (table '"
                    + table.name() + "'). Set it to 'EXCEPT_KEY' instead to avoid field overlaps.");
        }
        return KafkaColumns.of(table, keyFields, prefix, exceptKey, withMetadata);
    }

    /** The key format (null without key fields) and the value format. */
    private KafkaRowFormat[] formats(KafkaColumns columns) {
        String valueOption = options.get("value.format") != null ? "value.format" : "format";
        String value = options.get(valueOption);
        if (value == null) {
            throw new ValidationException("Could not find required scan format 'value.format' for table '" + table.name()
                    + "'; add 'format' = 'json' (or 'value.format' = 'json'; 'csv' and 'raw' also work)");
        }
        if (options.get("value.format") != null && options.get("format") != null) {
            throw new ValidationException("Table '" + table.name() + "' sets both 'format' and 'value.format'; keep one of them");
        }
        String valuePrefix = valueOption.equals("format") ? "" : "value.";
        KafkaRowFormat valueFormat = KafkaRowFormat.of(value, valueOption, table.name(), table.options(), valuePrefix, columns.valueType);
        KafkaRowFormat keyFormat = null;
        if (columns.keyPositions.length > 0) {
            String key = options.get("key.format");
            if (key == null) {
                throw new ValidationException("Could not find required sink format 'key.format' for table '" + table.name()
                        + "'; add 'key.format' = 'json' (or 'csv', 'raw')");
            }
            keyFormat = KafkaRowFormat.of(key, "key.format", table.name(), table.options(), "key.", columns.keyType);
        }
        return new KafkaRowFormat[] {keyFormat, valueFormat};
    }
}
