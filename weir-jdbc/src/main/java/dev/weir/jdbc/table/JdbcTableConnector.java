package dev.weir.jdbc.table;

import dev.weir.connector.jdbc.JdbcConnectionOptions;
import dev.weir.connector.jdbc.JdbcExecutionOptions;
import dev.weir.jdbc.BatchedJdbcSinkFunction;
import dev.weir.jdbc.ChangelogJdbcSinkFunction;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.connector.LookupFunction;
import dev.weir.sql.connector.LookupOptions;
import dev.weir.sql.connector.LookupTableSource;
import dev.weir.sql.connector.TableConnector;
import dev.weir.sql.runtime.RowKeySelector;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.DataStreamSink;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import dev.weir.util.TimeUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's {@code jdbc} table connector: a bounded scan of {@code 'table-name'} (split by {@code scan.partition.*}),
 * and a sink that appends rows, or, for a table with a {@code PRIMARY KEY ... NOT ENFORCED}, upserts them ({@code INSERT
 * ... ON CONFLICT ... DO UPDATE} on PostgreSQL) and deletes retracted keys, so an updating query leaves exactly its
 * final rows. Writes are batched by {@code sink.buffer-flush.max-rows} and {@code sink.buffer-flush.interval}, flushed at
 * every checkpoint (at-least-once; idempotent with a primary key). As a {@link LookupTableSource} it serves lookup joins
 * ({@code FOR SYSTEM_TIME AS OF o.proc_time}) with Flink's {@code lookup.*} cache and retry options.
 */
public final class JdbcTableConnector implements TableConnector, LookupTableSource {
    private static final Set<String> OPTIONS = withLookupOptions("url", "table-name", "driver", "username", "password",
            "connection.max-retry-timeout", "scan.partition.column", "scan.partition.num", "scan.partition.lower-bound",
            "scan.partition.upper-bound", "scan.fetch-size", "scan.auto-commit", "sink.buffer-flush.max-rows",
            "sink.buffer-flush.interval", "sink.max-retries", "sink.parallelism");

    private static Set<String> withLookupOptions(String... options) {
        Set<String> all = new java.util.HashSet<>(List.of(options));
        all.addAll(LookupOptions.KEYS);
        return Set.copyOf(all);
    }
    private static final List<String> PARTITION_OPTIONS = List.of("scan.partition.column", "scan.partition.num",
            "scan.partition.lower-bound", "scan.partition.upper-bound");

    @Override
    public String identifier() {
        return "jdbc";
    }

    @Override
    public boolean supportsOption(String key) {
        return OPTIONS.contains(key);
    }

    @Override
    public Set<String> describeOptions() {
        return OPTIONS;
    }

    @Override
    public void validate(CatalogTable table) {
        Map<String, String> o = table.options();
        LookupOptions.of(table);
        JdbcDialect.of(TableConnector.required(o, "url", table, "jdbc:postgresql://localhost:5432/postgres"), table);
        TableConnector.required(o, "table-name", table, "alerts");
        long set = PARTITION_OPTIONS.stream().filter(o::containsKey).count();
        if (set != 0 && set != PARTITION_OPTIONS.size()) {
            throw new ValidationException("Table '" + table.name() + "' sets only some of " + PARTITION_OPTIONS
                    + "; a partitioned scan needs all four (or none for a single query)");
        }
        if (set != 0) {
            String column = o.get("scan.partition.column");
            if (table.columns().stream().noneMatch(c -> c.name().equals(column))) {
                throw new ValidationException("Option 'scan.partition.column' of table '" + table.name() + "' names column '"
                        + column + "', which the table does not have");
            }
            if (number(table, "scan.partition.num", 1) < 1) {
                throw new ValidationException("Option 'scan.partition.num' of table '" + table.name() + "' must be at least 1");
            }
            if (number(table, "scan.partition.lower-bound", 0) > number(table, "scan.partition.upper-bound", 0)) {
                throw new ValidationException("Option 'scan.partition.lower-bound' of table '" + table.name()
                        + "' must not be greater than 'scan.partition.upper-bound'");
            }
        }
        nonNegative(table, "sink.buffer-flush.max-rows", 100);
        nonNegative(table, "sink.max-retries", 3);
        nonNegative(table, "scan.fetch-size", 0);
        flushIntervalMs(table);
    }

    private static long number(CatalogTable table, String key, long defaultValue) {
        String value = table.options().get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("Option '" + key + "' of table '" + table.name() + "' must be a whole number, was '"
                    + value + "'");
        }
    }

    private static void nonNegative(CatalogTable table, String key, long defaultValue) {
        if (number(table, key, defaultValue) < 0) {
            throw new ValidationException("Option '" + key + "' of table '" + table.name() + "' must not be negative, was '"
                    + table.options().get(key) + "'");
        }
    }

    private static long flushIntervalMs(CatalogTable table) {
        String value = table.options().getOrDefault("sink.buffer-flush.interval", "1s");
        try {
            return TimeUtils.parseDuration(value).toMillis();
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Option 'sink.buffer-flush.interval' of table '" + table.name() + "' must be a "
                    + "duration such as '1s' or '500ms', was '" + value + "'");
        }
    }

    private static JdbcConnectionOptions connection(CatalogTable table) {
        Map<String, String> o = table.options();
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder b = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(o.get("url"));
        if (o.containsKey("driver")) {
            b.withDriverName(o.get("driver"));
        }
        if (o.containsKey("username")) {
            b.withUsername(o.get("username"));
        }
        if (o.containsKey("password")) {
            b.withPassword(o.get("password"));
        }
        return b.build();
    }

    @Override
    public DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType) {
        Map<String, String> o = table.options();
        JdbcDialect dialect = JdbcDialect.of(o.get("url"), table);
        List<String> names = physicalType.getFieldNames();
        ColumnReader[] readers = new ColumnReader[names.size()];
        for (int i = 0; i < readers.length; i++) {
            RelDataTypeField f = physicalType.getFieldList().get(i);
            readers[i] = ColumnReader.of(f.getType().getSqlTypeName(), f.getName(), table.name());
        }
        String tableName = o.get("table-name");
        String sql;
        long[] bounds;
        if (o.containsKey("scan.partition.column")) {
            sql = dialect.selectBetween(tableName, names, o.get("scan.partition.column"));
            bounds = JdbcRowSource.partitions(number(table, "scan.partition.lower-bound", 0),
                    number(table, "scan.partition.upper-bound", 0), (int) number(table, "scan.partition.num", 1));
        } else {
            sql = dialect.select(tableName, names);
            bounds = new long[0];
        }
        JdbcRowSource source = new JdbcRowSource(connection(table), sql, readers, bounds, (int) number(table, "scan.fetch-size", 0),
                Boolean.parseBoolean(o.getOrDefault("scan.auto-commit", "true")));
        return env.addSource(source, "Source: " + table.name() + " [jdbc]");
    }

    @Override
    public void createSink(DataStream<Row> rows, CatalogTable table, RelDataType type, boolean updating) {
        Map<String, String> o = table.options();
        JdbcDialect dialect = JdbcDialect.of(o.get("url"), table);
        List<String> columns = type.getFieldNames();
        SqlTypeName[] types = new SqlTypeName[columns.size()];
        for (int i = 0; i < types.length; i++) {
            RelDataTypeField f = type.getFieldList().get(i);
            types[i] = ColumnReader.of(f.getType().getSqlTypeName(), f.getName(), table.name()).type();
        }
        List<String> keys = table.schema().getPrimaryKeyColumns();
        long interval = flushIntervalMs(table);
        long maxRows = number(table, "sink.buffer-flush.max-rows", 100);
        // As in Flink, 0 turns a trigger off: without a size, the interval flushes; without both, every row is written.
        int batchSize = maxRows > 0 ? (int) Math.min(maxRows, Integer.MAX_VALUE) : interval > 0 ? Integer.MAX_VALUE : 1;
        JdbcExecutionOptions execution = JdbcExecutionOptions.builder()
                .withBatchSize(batchSize)
                .withBatchIntervalMs(interval)
                .withMaxRetries((int) number(table, "sink.max-retries", 3)).build();
        String tableName = o.get("table-name");
        DataStreamSink<Row> sink;
        if (keys.isEmpty()) {
            if (updating) {
                throw new ValidationException("Table sink '" + table.name() + "' (connector 'jdbc') receives updates from the "
                        + "query but declares no primary key; declare the key the query groups by, e.g. PRIMARY KEY ("
                        + columns.get(0) + ") NOT ENFORCED, so the updates are written as upserts");
            }
            int[] all = new int[columns.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            sink = rows.addSink(new BatchedJdbcSinkFunction<>(dialect.insert(tableName, columns), new RowStatementBuilder(all, types),
                    execution, connection(table)));
        } else {
            int[] keyFields = new int[keys.size()];
            SqlTypeName[] keyTypes = new SqlTypeName[keys.size()];
            for (int i = 0; i < keyFields.length; i++) {
                keyFields[i] = columns.indexOf(keys.get(i));
                keyTypes[i] = types[keyFields[i]];
            }
            int[] all = new int[columns.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            // Every change of a key goes to one subtask, in order, whatever the sink's parallelism.
            sink = rows.keyBy(new RowKeySelector(keyFields)).addSink(new ChangelogJdbcSinkFunction(
                    dialect.upsert(tableName, columns, keys), new RowStatementBuilder(all, types), dialect.delete(tableName, keys),
                    new RowStatementBuilder(keyFields, keyTypes), keyFields, execution, connection(table)));
        }
        sink.name("Sink: " + table.name() + " [jdbc]");
        String parallelism = o.get("sink.parallelism");
        if (parallelism != null) {
            sink.setParallelism(Integer.parseInt(parallelism));
        }
    }

    @Override
    public LookupFunction createLookupFunction(CatalogTable table, RelDataType physicalType, int[] keyColumns) {
        Map<String, String> o = table.options();
        List<String> names = physicalType.getFieldNames();
        ColumnReader[] readers = new ColumnReader[names.size()];
        for (int i = 0; i < readers.length; i++) {
            RelDataTypeField f = physicalType.getFieldList().get(i);
            readers[i] = ColumnReader.of(f.getType().getSqlTypeName(), f.getName(), table.name());
        }
        List<String> keys = new ArrayList<>();
        int[] keyFields = new int[keyColumns.length];
        SqlTypeName[] keyTypes = new SqlTypeName[keyColumns.length];
        for (int i = 0; i < keyColumns.length; i++) {
            keys.add(names.get(keyColumns[i]));
            keyFields[i] = i;
            keyTypes[i] = readers[keyColumns[i]].type();
        }
        String sql = JdbcDialect.of(o.get("url"), table).selectWhere(o.get("table-name"), names, keys);
        return new JdbcLookupFunction(connection(table), table.name(), sql, new RowStatementBuilder(keyFields, keyTypes), readers,
                LookupOptions.of(table).maxRetries());
    }
}
