package dev.weir.sql.connector.nexmark;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.connector.ReadFields;
import dev.weir.sql.connector.TableConnector;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Flink's {@code nexmark} benchmark source ({@code 'connector' = 'nexmark'}): the person, auction and bid events of
 * {@link NexmarkGenerator} in Nexmark's {@code datagen} table shape, with the generator's option names. The event
 * rate sets the events' times, not the pace: the source emits as fast as the job takes them, so a bounded run
 * ({@code events.num}) measures throughput.
 */
public final class NexmarkConnector implements TableConnector {
    @Override
    public String identifier() {
        return "nexmark";
    }

    @Override
    public boolean supportsOption(String key) {
        return NexmarkConfig.OPTIONS.contains(key);
    }

    @Override
    public Set<String> describeOptions() {
        return NexmarkConfig.OPTIONS;
    }

    @Override
    public void validate(CatalogTable table) {
        config(table);
    }

    @Override
    public DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType) {
        return createSource(env, table, physicalType, ReadFields.all(physicalType.getFieldCount()));
    }

    /** The events with only the columns and fields the query reads made (the rest null), as the same events. */
    @Override
    public DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType,
            ReadFields read) {
        NexmarkGenerator generator = new NexmarkGenerator(config(table));
        NexmarkColumns columns = columns(table, physicalType, read);
        DataGeneratorSource<Row> source = new DataGeneratorSource<>(new NexmarkRows(generator, columns), generator.events(),
                RateLimiterStrategy.noOp());
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Source: " + table.name() + " [nexmark]");
    }

    private static NexmarkConfig config(CatalogTable table) {
        try {
            return NexmarkConfig.fromOptions(table.options());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Table '" + table.name() + "' (connector 'nexmark'): " + e.getMessage(), e);
        }
    }

    private static NexmarkColumns columns(CatalogTable table, RelDataType physicalType, ReadFields read) {
        List<String> names = new ArrayList<>();
        List<List<String>> nested = new ArrayList<>();
        for (RelDataTypeField field : physicalType.getFieldList()) {
            names.add(field.getName());
            nested.add(field.getType().isStruct() ? field.getType().getFieldNames() : List.of());
        }
        try {
            return new NexmarkColumns(names, nested, (column, field) -> field == null ? read.reads(column)
                    : read.readsField(column, field), table.trailingComputedColumns());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Table '" + table.name() + "': " + e.getMessage(), e);
        }
    }
}
