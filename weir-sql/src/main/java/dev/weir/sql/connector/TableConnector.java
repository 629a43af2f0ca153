package dev.weir.sql.connector;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A table connector chosen by {@code 'connector' = '...'}: its options (Flink's names), its source (rows of the
 * table's physical columns, in internal form) and its sink. Options are checked when the table is created.
 */
public interface TableConnector {
    /** The {@code 'connector'} value. */
    String identifier();

    /** Whether {@code key} is an option of this connector (besides {@code connector}). */
    boolean supportsOption(String key);

    /** The options to list in an error message. */
    Set<String> describeOptions();

    /** Checks required options and values; throws {@link ValidationException} naming the option. */
    default void validate(CatalogTable table) {
    }

    /**
     * Whether the source can fill a metadata column with this key ({@code METADATA FROM 'key'}, or the column's name);
     * none by default. The source then delivers metadata columns in their declared places among the physical ones.
     */
    default boolean supportsMetadata(String key) {
        return false;
    }

    /** Whether the source's rows are a changelog (+I, -U, +U, -D) rather than inserts only, as an upsert source's are. */
    default boolean producesUpdates(CatalogTable table) {
        return false;
    }

    /** The table's rows; {@code physicalType} lists the physical and metadata columns in declared order. */
    default DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType) {
        throw new ValidationException("Connector '" + identifier() + "' can only be used as a sink; read from a table with "
                + "connector 'datagen', 'filesystem' or 'kafka' instead");
    }

    /**
     * The table's rows where only what the query reads ({@code read}, over {@code physicalType}'s columns) needs a value;
     * the rest may be null, as a Flink source that supports projection push-down leaves it out. The default produces
     * every column.
     */
    default DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType,
            ReadFields read) {
        return createSource(env, table, physicalType);
    }

    /** Writes {@code rows} (external form); {@code updating} when the rows carry -U/+U/-D changes. */
    default void createSink(DataStream<Row> rows, CatalogTable table, RelDataType type, boolean updating) {
        throw new ValidationException("Connector '" + identifier() + "' can only be used as a source; write to a table with "
                + "connector 'print', 'blackhole' or 'filesystem' instead");
    }

    /** Refuses options the connector does not know, listing the ones it does, as Flink does. */
    static void checkOptions(TableConnector connector, CatalogTable table) {
        Set<String> unsupported = new TreeSet<>();
        for (String key : table.options().keySet()) {
            if (!key.equals("connector") && !connector.supportsOption(key)) {
                unsupported.add(key);
            }
        }
        if (!unsupported.isEmpty()) {
            Set<String> supported = new TreeSet<>(connector.describeOptions());
            supported.add("connector");
            throw new ValidationException("Unsupported options found for '" + connector.identifier() + "' in table '"
                    + table.name() + "'.\n\nUnsupported options:\n\n" + String.join("\n", unsupported)
                    + "\n\nSupported options:\n\n" + String.join("\n", supported));
        }
    }

    static String required(Map<String, String> options, String key, CatalogTable table, String example) {
        String value = options.get(key);
        if (value == null) {
            throw new ValidationException("Missing required option '" + key + "' for table '" + table.name() + "'; add e.g. '"
                    + key + "' = '" + example + "' to its WITH clause");
        }
        return value;
    }

    /** The option {@code key} of {@code table} as a positive duration, {@code fallback} when unset; else it fails naming it. */
    static java.time.Duration positiveDuration(CatalogTable table, String key, String fallback) {
        String text = table.options().getOrDefault(key, fallback);
        java.time.Duration d;
        try {
            d = dev.weir.util.TimeUtils.parseDuration(text);
        } catch (RuntimeException e) {
            throw new ValidationException("Option '" + key + "' of table '" + table.name() + "' must be a duration such as "
                    + "'10 min' or '30 s', was '" + text + "'", e);
        }
        if (d.isZero() || d.isNegative()) {
            throw new ValidationException("Option '" + key + "' of table '" + table.name() + "' must be positive, was '" + text + "'");
        }
        return d;
    }
}
