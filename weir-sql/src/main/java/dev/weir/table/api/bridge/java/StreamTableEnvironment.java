package dev.weir.table.api.bridge.java;

import dev.weir.sql.TableEnvironmentImpl;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableEnvironment;
import dev.weir.types.Row;

/**
 * A {@link TableEnvironment} bound to a {@link StreamExecutionEnvironment}, as in Flink: tables and DataStreams
 * convert into each other, and table jobs run with the environment's parallelism and checkpointing.
 */
public interface StreamTableEnvironment extends TableEnvironment {

    static StreamTableEnvironment create(StreamExecutionEnvironment executionEnvironment) {
        return TableEnvironmentImpl.create(executionEnvironment, EnvironmentSettings.inStreamingMode());
    }

    static StreamTableEnvironment create(StreamExecutionEnvironment executionEnvironment, EnvironmentSettings settings) {
        return TableEnvironmentImpl.create(executionEnvironment, settings);
    }

    /** A table of {@code dataStream}'s elements: a {@link Row} stream's fields, a POJO's or tuple's fields, or one column {@code f0}. */
    <T> Table fromDataStream(DataStream<T> dataStream);

    /** A table of {@code dataStream}'s elements with the declared columns, computed columns and watermark. */
    <T> Table fromDataStream(DataStream<T> dataStream, Schema schema);

    /** Registers {@code dataStream} as view {@code path}. */
    <T> void createTemporaryView(String path, DataStream<T> dataStream);

    /** Registers {@code dataStream} as view {@code path} with the declared schema. */
    <T> void createTemporaryView(String path, DataStream<T> dataStream, Schema schema);

    /** The rows of an insert-only table; an updating table is refused, naming {@link #toChangelogStream(Table)}. */
    DataStream<Row> toDataStream(Table table);

    /** The rows of any table with their {@link dev.weir.types.RowKind}s: +I, -U, +U, -D. */
    DataStream<Row> toChangelogStream(Table table);
}
