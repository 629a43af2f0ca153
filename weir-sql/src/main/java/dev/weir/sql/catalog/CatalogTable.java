package dev.weir.sql.catalog;

import dev.weir.sql.parse.Statement;
import dev.weir.sql.runtime.DataStreamRows;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.types.Row;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table of the session catalog: its declared columns, its resolved schema (every column's type, the rowtime
 * attribute and its watermark), and where its rows come from: a connector by {@code options}, or a DataStream
 * whose rows are already in Weir SQL's internal form and hold the physical columns in order.
 */
public final class CatalogTable {
    private final String name;
    private final List<Statement.ColumnDefinition> columns;
    private final ResolvedSchema schema;
    private final Map<String, String> options;
    private final DataStream<Row> stream;
    private final boolean streamWatermarks;
    private final DataStream<Row> physicalStream;
    private final boolean changelog;
    private final DataStream<?> elements;
    private final DataStreamRows<?> physicalRows;

    public CatalogTable(String name, List<Statement.ColumnDefinition> columns, ResolvedSchema schema, Map<String, String> options,
            DataStream<Row> stream, boolean streamWatermarks) {
        this(name, columns, schema, options, stream, streamWatermarks, null, false, null, null);
    }

    private CatalogTable(String name, List<Statement.ColumnDefinition> columns, ResolvedSchema schema, Map<String, String> options,
            DataStream<Row> stream, boolean streamWatermarks, DataStream<Row> physicalStream, boolean changelog,
            DataStream<?> elements, DataStreamRows<?> physicalRows) {
        this.name = Objects.requireNonNull(name, "name");
        this.columns = List.copyOf(columns);
        this.schema = Objects.requireNonNull(schema, "schema");
        // In declaration order, which SHOW CREATE TABLE prints.
        this.options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        this.stream = stream;
        this.streamWatermarks = streamWatermarks;
        this.physicalStream = physicalStream;
        this.changelog = changelog;
        this.elements = elements;
        this.physicalRows = physicalRows;
    }

    /** This DataStream table as a changelog ({@code fromChangelogStream}): its rows carry +I, -U, +U and -D. */
    public CatalogTable asChangelog() {
        return new CatalogTable(name, columns, schema, options, stream, streamWatermarks, null, true, null, null);
    }

    /** Whether the DataStream's rows are a changelog rather than inserts only. */
    public boolean changelog() {
        return changelog;
    }

    /**
     * This DataStream table with a second form of its rows, {@code physicalStream}: the physical columns alone, which
     * come first, without the metadata columns after them (a {@code rowtime} that only repeats each record's timestamp).
     */
    public CatalogTable withPhysicalStream(DataStream<Row> physicalStream) {
        return new CatalogTable(name, columns, schema, options, stream, streamWatermarks,
                Objects.requireNonNull(physicalStream, "physicalStream"), changelog, elements, physicalRows);
    }

    /**
     * This DataStream table with the stream of its elements as they are, {@code elements}, and {@code physicalRows}, the
     * function that makes {@link #physicalStream()} of them: a Calc that reads only physical columns may read them
     * straight from each element ({@code PojoScanCalc}) instead of from a row built per element.
     */
    public CatalogTable withElements(DataStream<?> elements, DataStreamRows<?> physicalRows) {
        return new CatalogTable(name, columns, schema, options, stream, streamWatermarks, physicalStream, changelog,
                Objects.requireNonNull(elements, "elements"), Objects.requireNonNull(physicalRows, "physicalRows"));
    }

    /** The DataStream's elements before any conversion to rows, or null (see {@link #withElements}). */
    public DataStream<?> elements() {
        return elements;
    }

    /** The function that turns {@link #elements()} into {@link #physicalStream()}'s rows, or null. */
    public DataStreamRows<?> physicalRows() {
        return physicalRows;
    }

    public String name() {
        return name;
    }

    public List<Statement.ColumnDefinition> columns() {
        return columns;
    }

    public ResolvedSchema schema() {
        return schema;
    }

    public Map<String, String> options() {
        return options;
    }

    /** The DataStream the rows come from, or null for a connector table. */
    public DataStream<Row> stream() {
        return stream;
    }

    /**
     * The rows of the physical columns alone, or null: a plan that reads no metadata column and takes event time from
     * the records' timestamps scans these, and the elements need no second row to carry their timestamps as a column.
     */
    public DataStream<Row> physicalStream() {
        return physicalStream;
    }

    /** True when the rowtime comes from the stream's own timestamps and watermarks ({@code SOURCE_WATERMARK()}). */
    public boolean usesStreamWatermarks() {
        return streamWatermarks;
    }

    /**
     * How many computed columns follow every physical and metadata column (Nexmark's {@code dateTime}); 0 when a computed
     * column stands between them. A source whose rows leave that many empty slots after its columns lets the planner
     * write the computed values into its row ({@code ComputedColumnsFunction}).
     */
    public int trailingComputedColumns() {
        int trailing = 0;
        for (Statement.ColumnDefinition c : columns) {
            if (c.expression() != null) {
                trailing++;
            } else if (trailing > 0) {
                return 0;
            }
        }
        return trailing;
    }

        /** The number of leading physical columns the source produces. */
    public int physicalColumnCount() {
        int n = 0;
        for (Statement.ColumnDefinition c : columns) {
            if (c.expression() == null && !c.metadata()) {
                n++;
            }
        }
        return n;
    }
}
