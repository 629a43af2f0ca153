package dev.weir.sql.connector;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.types.Row;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A test connector, {@code 'connector' = 'read-recording'}: the {@code datagen} source, which records what the planner
 * told it the query reads ({@link ReadFields#toString()}, e.g. {@code [-, *, -, *]}), so tests can see the projection
 * pushed into a source. Found through {@link java.util.ServiceLoader}, as connector modules are.
 */
public final class ReadRecordingConnector implements TableConnector {
    /** What each source created since the last {@code clear()} was told it reads, in creation order. */
    public static final List<String> READS = new CopyOnWriteArrayList<>();

    private final DatagenConnector datagen = new DatagenConnector();

    @Override
    public String identifier() {
        return "read-recording";
    }

    @Override
    public boolean supportsOption(String key) {
        return datagen.supportsOption(key);
    }

    @Override
    public Set<String> describeOptions() {
        return datagen.describeOptions();
    }

    @Override
    public void validate(CatalogTable table) {
        datagen.validate(table);
    }

    @Override
    public DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType,
            ReadFields read) {
        READS.add(read.toString());
        return datagen.createSource(env, table, physicalType);
    }
}
