package dev.weir.sql.connector;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Flink's {@code datagen} source: {@code 'number-of-rows'} rows (unbounded without it) at {@code 'rows-per-second'}
 * (default 10000), each field {@code random} (between {@code fields.#.min} and {@code fields.#.max}, strings of
 * {@code fields.#.length}) or a {@code sequence} from {@code fields.#.start} to {@code fields.#.end}, which also
 * bounds the table. Parallel subtasks generate contiguous shares of the row indexes, as Flink's sequences do.
 */
final class DatagenConnector implements TableConnector {
    @Override
    public String identifier() {
        return "datagen";
    }

    @Override
    public boolean supportsOption(String key) {
        if (key.equals("number-of-rows") || key.equals("rows-per-second") || key.equals("scan.parallelism")) {
            return true;
        }
        if (key.startsWith("fields.")) {
            String suffix = key.substring(key.lastIndexOf('.') + 1);
            return Set.of("kind", "min", "max", "length", "start", "end", "null-rate", "max-past", "var-len").contains(suffix);
        }
        return false;
    }

    @Override
    public Set<String> describeOptions() {
        return Set.of("number-of-rows", "rows-per-second", "scan.parallelism", "fields.#.kind", "fields.#.min", "fields.#.max",
                "fields.#.length", "fields.#.start", "fields.#.end", "fields.#.null-rate", "fields.#.max-past", "fields.#.var-len");
    }

    @Override
    public void validate(CatalogTable table) {
        for (String key : table.options().keySet()) {
            if (key.startsWith("fields.")) {
                String field = key.substring("fields.".length(), key.lastIndexOf('.'));
                if (table.columns().stream().noneMatch(c -> c.name().equals(field))) {
                    throw new ValidationException("Option '" + key + "' of table '" + table.name() + "' names field '" + field
                            + "', which the table does not have; its columns are "
                            + table.columns().stream().map(c -> c.name()).toList());
                }
            }
        }
    }

    @Override
    public DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType) {
        Map<String, String> options = table.options();
        List<RelDataTypeField> fields = physicalType.getFieldList();
        DatagenField[] generators = new DatagenField[fields.size()];
        long count = Long.MAX_VALUE;
        for (int i = 0; i < generators.length; i++) {
            RelDataTypeField f = fields.get(i);
            generators[i] = DatagenField.of(table, f.getName(), f.getType(), options);
            if (generators[i].sequenceLength() < count) {
                count = generators[i].sequenceLength();
            }
        }
        String rows = options.get("number-of-rows");
        if (rows != null) {
            count = Math.min(count, parseLong(table, "number-of-rows", rows));
        }
        double rate = Double.parseDouble(options.getOrDefault("rows-per-second", "10000"));
        DataGeneratorSource<Row> source = new DataGeneratorSource<>(new DatagenRows(generators), count,
                RateLimiterStrategy.perSecond(rate));
        var stream = env.fromSource(source, WatermarkStrategy.noWatermarks(), "Source: " + table.name() + " [datagen]");
        String parallelism = options.get("scan.parallelism");
        if (parallelism != null) {
            stream.setParallelism(Integer.parseInt(parallelism));
        }
        return stream;
    }

    static long parseLong(CatalogTable table, String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("Option '" + key + "' of table '" + table.name() + "' must be a whole number, was '"
                    + value + "'");
        }
    }
}
