package dev.weir.sql.connector;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.api.common.serialization.Encoder;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.weir.builtin.LineOrigin;
import dev.weir.connector.file.src.FileSource;
import dev.weir.connector.file.src.reader.TextLineInputFormat;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Flink's {@code filesystem} connector: reads every file under {@code 'path'} (a file or a directory) as a bounded
 * table, and writes part files into the {@code 'path'} directory through Weir's exactly-once {@link FileSink}
 * (files become visible when a checkpoint completes, or at the end of a bounded job), in {@code 'format'} csv or json.
 * As the lookup side of a processing-time lookup join, the table is read whole into memory and read again after
 * {@code lookup.join.cache.ttl} ({@link FilesystemLookupFunction}). Part files roll by Flink's
 * {@code sink.rolling-policy.*} options ({@link FilesystemRollingOptions}). Partitioned tables are not supported yet.
 */
final class FilesystemConnector implements TableConnector, LookupTableSource {
    /** Flink's option: how long a lookup join keeps the table it read before reading it again. */
    static final String LOOKUP_TTL = "lookup.join.cache.ttl";

    @Override
    public String identifier() {
        return "filesystem";
    }

    @Override
    public boolean supportsOption(String key) {
        return describeOptions().contains(key);
    }

    @Override
    public Set<String> describeOptions() {
        Set<String> keys = new java.util.HashSet<>(Set.of("path", "format", "csv.field-delimiter", "csv.ignore-parse-errors",
                "csv.null-literal", "sink.parallelism", "source.monitor-interval", LOOKUP_TTL));
        keys.addAll(FilesystemRollingOptions.KEYS);
        keys.addAll(JsonOptions.KEYS);
        return Set.copyOf(keys);
    }

    @Override
    public void validate(CatalogTable table) {
        TableConnector.required(table.options(), "path", table, "/tmp/orders");
        String format = TableConnector.required(table.options(), "format", table, "csv");
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ValidationException("Could not find any format factory for identifier '" + format + "' in table '"
                    + table.name() + "'; Weir's filesystem connector reads and writes 'csv' and 'json'");
        }
        String delimiter = table.options().get("csv.field-delimiter");
        if (delimiter != null && delimiter.length() != 1) {
            throw new ValidationException("Option 'csv.field-delimiter' of table '" + table.name() + "' must be a single character, was '"
                    + delimiter + "'");
        }
        if (format.equals("json")) {
            JsonOptions.of(table.options(), "", table.name());
        }
        FilesystemRollingOptions.of(table);
    }

    private static LineFormat format(CatalogTable table, RelDataType type) {
        return LineFormat.of(table.options().get("format"), table.options(), "", table.name(), type);
    }

    private static LineFormat readFormat(CatalogTable table, RelDataType type) {
        if ("csv".equals(table.options().get("format"))) {
            LineFormat.refuseNestedCsvColumns(type, table.name(), true);
        }
        return LineFormat.of(table.options().get("format"), table.options(), "", table.name(), type);
    }

    @Override
    public DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType) {
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), Path.of(table.options().get("path")))
                .build();
        var lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "Source: " + table.name() + " [filesystem]");
        // Parsing runs at the source's parallelism, chained to it, so rows keep each file's order downstream.
        var parsed = lines.flatMap(new ParseLines(readFormat(table, physicalType))).name("Parse: " + table.options().get("format"));
        int parallelism = lines.getTransformation().getParallelism();
        return parallelism > 0 ? parsed.setParallelism(parallelism) : parsed;
    }

    @Override
    public LookupFunction createLookupFunction(CatalogTable table, RelDataType physicalType, int[] keyColumns) {
        long ttlMillis = TableConnector.positiveDuration(table, LOOKUP_TTL, "60 min").toMillis();
        return new FilesystemLookupFunction(table.name(), Path.of(table.options().get("path")), readFormat(table, physicalType),
                table.options().get("format"), keyColumns, ttlMillis);
    }

    @Override
    public void createSink(DataStream<Row> rows, CatalogTable table, RelDataType type, boolean updating) {
        if (updating) {
            throw new ValidationException("Table sink '" + table.name() + "' doesn't support consuming update changes: the "
                    + "filesystem connector appends rows; write an insert-only query (a window aggregate instead of an "
                    + "unbounded GROUP BY) or use the 'print' connector");
        }
        if ("csv".equals(table.options().get("format"))) {
            LineFormat.refuseNestedCsvColumns(type, table.name(), false);
        }
        // Flink's filesystem table sink writes part files straight into the path (partitioned tables aside): no time buckets.
        FilesystemRollingOptions rolling = FilesystemRollingOptions.of(table);
        FileSink<Row> sink = FileSink.forRowFormat(Path.of(table.options().get("path")), new LineEncoder(format(table, type)))
                .withBucketAssigner(new BasePathBucketAssigner<>()).withRollingPolicy(rolling.policy())
                .withBucketCheckInterval(rolling.checkInterval().toMillis()).build();
        var result = rows.sinkTo(sink).name("Sink: " + table.name() + " [filesystem]");
        String parallelism = table.options().get("sink.parallelism");
        if (parallelism != null) {
            result.setParallelism(Integer.parseInt(parallelism));
        }
    }

    /**
     * Parses each line into a row; lines that fail are skipped only when the format says so, and otherwise fail the job
     * naming the line's file and number, which the file source tells while it emits the line ({@link LineOrigin}).
     */
    private static final class ParseLines implements FlatMapFunction<String, Row> {
        private static final long serialVersionUID = 1L;
        private final LineFormat format;

        ParseLines(LineFormat format) {
            this.format = format;
        }

        @Override
        public void flatMap(String line, Collector<Row> out) {
            if (line.isEmpty()) {
                return;
            }
            Row row;
            try {
                row = format.parse(line);
            } catch (IllegalArgumentException e) {
                // Rare: the line does not parse. Parsed again to name its file and line, known while the reader emits it.
                String where = LineOrigin.current();
                if (where == null) {
                    throw e;
                }
                row = format.parse(line, where);
            }
            if (row != null) {
                out.collect(row);
            }
        }
    }

    /** Writes each row as one line of the format. */
    private static final class LineEncoder implements Encoder<Row> {
        private static final long serialVersionUID = 1L;
        private final LineFormat format;

        LineEncoder(LineFormat format) {
            this.format = format;
        }

        @Override
        public void encode(Row row, OutputStream stream) throws IOException {
            stream.write(format.format(row).getBytes(StandardCharsets.UTF_8));
            stream.write('\n');
        }
    }
}
