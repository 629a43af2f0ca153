package dev.weir.sql;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.sql.catalog.TableResolver;
import dev.weir.sql.parse.DataTypeParser;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.runtime.ChangelogNormalizeFunction;
import dev.weir.sql.runtime.DataStreamRows;
import dev.weir.sql.runtime.RowKeySelector;
import dev.weir.sql.types.RowTypes;
import dev.weir.sql.types.SqlTypes;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.Schema;
import dev.weir.table.api.ValidationException;
import dev.weir.table.connector.ChangelogMode;
import dev.weir.table.types.DataType;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Registers a DataStream as a table with a declared {@link Schema}: physical columns take the elements' fields by
 * position, {@code columnByMetadata("rowtime", ...)} the elements' timestamps, computed columns are planned as in
 * CREATE TABLE, and {@code watermark(col, "SOURCE_WATERMARK()")} keeps the stream's own watermarks.
 */
final class DataStreamTables {
    private final TableResolver resolver;
    private final SessionCatalog catalog;

    DataStreamTables(TableResolver resolver, SessionCatalog catalog) {
        this.resolver = resolver;
        this.catalog = catalog;
    }

    <T> void register(String name, DataStream<T> stream, Schema schema) {
        register(name, stream, schema, ChangelogMode.insertOnly());
    }

    /**
     * Registers {@code stream} whose rows are a changelog of {@code mode}: with update-before rows ({@code all()}) as
     * they are, an upsert stream ({@code upsert()}, which needs the schema's primary key) normalized by that key into a
     * full changelog, as Flink's ChangelogNormalize does.
     */
    <T> void register(String name, DataStream<T> stream, Schema schema, ChangelogMode mode) {
        List<Statement.ColumnDefinition> columns = new ArrayList<>();
        List<Integer> sourceFields = new ArrayList<>();
        List<SqlTypeName> sourceTypes = new ArrayList<>();
        int position = 0;
        for (Schema.UnresolvedColumn c : schema.getColumns()) {
            if (c.getExpression() != null) {
                columns.add(new Statement.ColumnDefinition(c.getName(), null, c.getExpression(), false, null));
                continue;
            }
            DataType type = c.getDataType() != null ? c.getDataType() : DataTypeParser.parse(c.getSqlType());
            if (c.isMetadata()) {
                String key = c.getMetadataKey() == null ? c.getName() : c.getMetadataKey();
                if (!key.equals("rowtime")) {
                    throw new ValidationException("Unknown metadata key '" + key + "' of column '" + c.getName() + "'; a "
                            + "DataStream table has one metadata column, 'rowtime' (the element's timestamp)");
                }
                sourceFields.add(-1);
            } else {
                sourceFields.add(position++);
            }
            sourceTypes.add(SqlTypes.toRelType(RowTypes.FACTORY, type).getSqlTypeName());
            columns.add(new Statement.ColumnDefinition(c.getName(), type, null, c.isMetadata(), c.getMetadataKey()));
        }
        if (columns.isEmpty()) {
            throw new ValidationException("The Schema for DataStream table '" + name + "' declares no columns; add them with "
                    + "Schema.newBuilder().column(name, type)");
        }
        String watermarkColumn = null;
        String watermarkExpression = null;
        boolean sourceWatermark = false;
        if (!schema.getWatermarkSpecs().isEmpty()) {
            Schema.UnresolvedWatermarkSpec w = schema.getWatermarkSpecs().get(0);
            watermarkColumn = w.getColumnName();
            watermarkExpression = w.getWatermarkExpression();
            sourceWatermark = watermarkExpression.replace(" ", "").equalsIgnoreCase("SOURCE_WATERMARK()");
            String column = watermarkColumn;
            if (columns.stream().noneMatch(c -> c.name().equals(column))) {
                throw new ValidationException("The rowtime attribute field '" + column + "' is not defined in the table schema; "
                        + "the columns are " + columns.stream().map(Statement.ColumnDefinition::name).toList());
            }
        }
        int[] fields = sourceFields.stream().mapToInt(Integer::intValue).toArray();
        String[] names = columns.stream().filter(c -> c.expression() == null).map(Statement.ColumnDefinition::name)
                .toArray(String[]::new);
        DataStreamRows<T> conversion = new DataStreamRows<>(fields, sourceTypes.toArray(new SqlTypeName[0]), names);
        DataStream<Row> rows = stream.process(conversion).name("FromDataStream(" + name + ")");
        boolean insertOnly = mode.containsOnly(dev.weir.types.RowKind.INSERT);
        if (!insertOnly && !mode.contains(dev.weir.types.RowKind.UPDATE_BEFORE)) {
            rows = normalizedUpserts(name, rows, columns, schema);
        }
        CatalogTable table = resolver.resolve(name, columns, watermarkColumn, watermarkExpression,
                schema.getPrimaryKey().orElse(List.of()), Map.of(), rows, sourceWatermark);
        if (!insertOnly) {
            catalog.createTable(table.asChangelog(), false);
            return;
        }
        int physical = position;
        if (physical > 0 && physical < fields.length && fields.length == columns.size() && metadataTrails(fields, physical)) {
            // Without its trailing metadata columns, a Row element of the physical columns is the table's row as it is.
            DataStreamRows<T> physicalConversion = new DataStreamRows<>(java.util.Arrays.copyOf(fields, physical),
                    sourceTypes.subList(0, physical).toArray(new SqlTypeName[0]), java.util.Arrays.copyOf(names, physical));
            DataStream<Row> physicalRows = stream.process(physicalConversion).name("FromDataStream(" + name + ")");
            table = table.withPhysicalStream(physicalRows).withElements(stream, physicalConversion);
        } else if (physical == fields.length && fields.length == columns.size()) {
            // Physical columns alone: the table's rows are those a Calc over them may read from the elements instead.
            table = table.withElements(stream, conversion);
        }
        catalog.createTable(table, false);
    }

    /** An upsert changelog keyed by the schema's primary key, turned into +I, -U, +U and -D rows of whole rows. */
    private static DataStream<Row> normalizedUpserts(String name, DataStream<Row> rows, List<Statement.ColumnDefinition> columns,
            Schema schema) {
        List<String> key = schema.getPrimaryKey().orElseThrow(() -> new ValidationException("An upsert changelog needs a "
                + "primary key to tell which row an update replaces; declare it: Schema.newBuilder()...primaryKey(\"id\")"));
        // The rows hold the physical and metadata columns, without the computed ones.
        List<Statement.ColumnDefinition> source = columns.stream().filter(c -> c.expression() == null).toList();
        List<String> names = source.stream().map(Statement.ColumnDefinition::name).toList();
        int[] positions = new int[key.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = names.indexOf(key.get(i));
            if (positions[i] < 0 || source.get(positions[i]).metadata()) {
                throw new ValidationException("Primary key column '" + key.get(i) + "' of '" + name + "' is not a physical "
                        + "column; the columns are " + names);
            }
        }
        return rows.keyBy(new RowKeySelector(positions)).process(new ChangelogNormalizeFunction()).name("ChangelogNormalize(key=["
                + String.join(", ", key) + "])");
    }

    /** Whether the first {@code physical} columns are the elements' fields in order and all later ones metadata. */
    private static boolean metadataTrails(int[] fields, int physical) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != (i < physical ? i : -1)) {
                return false;
            }
        }
        return true;
    }
}
