package dev.weir.sql.connector;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.functions.sink.PrintSink;
import dev.weir.types.Row;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Flink's {@code print} sink: each row's {@code toString} ({@code +I[a, 1]}) on standard out, or standard error with
 * {@code 'standard-error' = 'true'}, prefixed by {@code 'print-identifier'} and the subtask as Flink does.
 */
final class PrintConnector implements TableConnector {
    @Override
    public String identifier() {
        return "print";
    }

    @Override
    public boolean supportsOption(String key) {
        return describeOptions().contains(key);
    }

    @Override
    public Set<String> describeOptions() {
        return Set.of("print-identifier", "standard-error", "sink.parallelism");
    }

    @Override
    public void createSink(DataStream<Row> rows, CatalogTable table, RelDataType type, boolean updating) {
        String identifier = table.options().get("print-identifier");
        boolean stdErr = Boolean.parseBoolean(table.options().getOrDefault("standard-error", "false"));
        PrintSink<Row> sink = identifier == null ? new PrintSink<>(stdErr) : new PrintSink<>(identifier, stdErr);
        var result = rows.map(new dev.weir.sql.runtime.ToExternal(dev.weir.sql.types.RowTypes.conversions(type)))
                .name("ToExternal").sinkTo(sink).name("Sink: " + table.name() + " [print]");
        String parallelism = table.options().get("sink.parallelism");
        if (parallelism != null) {
            result.setParallelism(Integer.parseInt(parallelism));
        }
    }
}
