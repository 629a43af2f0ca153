package dev.weir.sql.connector;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.types.Row;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;

/** Flink's {@code blackhole} sink: takes every row and drops it, for benchmarks. */
final class BlackholeConnector implements TableConnector {
    @Override
    public String identifier() {
        return "blackhole";
    }

    @Override
    public boolean supportsOption(String key) {
        return false;
    }

    @Override
    public Set<String> describeOptions() {
        return Set.of();
    }

    @Override
    public void createSink(DataStream<Row> rows, CatalogTable table, RelDataType type, boolean updating) {
        rows.sinkTo(new DiscardingSink<>()).name("Sink: " + table.name() + " [blackhole]");
    }
}
