package dev.weir.table.api.bridge.java;

import dev.weir.sql.TableEnvironmentImpl;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.connector.ChangelogMode;
import dev.weir.table.types.AbstractDataType;
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

    /** A set of inserts that run as one job, or join the DataStream program's job ({@link StreamStatementSet#attachAsDataStream()}). */
    @Override
    StreamStatementSet createStatementSet();

    /** The rows of an insert-only table; an updating table is refused, naming {@link #toChangelogStream(Table)}. */
    DataStream<Row> toDataStream(Table table);

    /** The rows of any table with their {@link dev.weir.types.RowKind}s: +I, -U, +U, -D. */
    DataStream<Row> toChangelogStream(Table table);

    /**
     * The rows of an insert-only table as instances of {@code targetClass}: the one column's value for a table of one
     * column ({@code String.class}, {@code Long.class}), else a POJO whose fields or setters take the columns by name.
     */
    <T> DataStream<T> toDataStream(Table table, Class<T> targetClass);

    /**
     * The rows of an insert-only table as values of {@code targetDataType}: {@code Row}s for a ROW type, the one
     * column's value for an atomic type, instances of the class of {@code DataTypes.of(MyPojo.class)}.
     */
    <T> DataStream<T> toDataStream(Table table, AbstractDataType<?> targetDataType);

    /**
     * The rows of any table with the columns {@code targetSchema} declares, taken by name; a metadata column
     * {@code rowtime} stands for the records' timestamps, which are the table's time attribute.
     */
    DataStream<Row> toChangelogStream(Table table, Schema targetSchema);

    /**
     * As {@link #toChangelogStream(Table, Schema)}, emitting the changes of {@code changelogMode}: insert-only refuses an
     * updating table, upsert leaves out the update-before rows (-U).
     */
    DataStream<Row> toChangelogStream(Table table, Schema targetSchema, ChangelogMode changelogMode);

    /** A table of a changelog of Rows; Weir needs the columns, so this names {@link #fromChangelogStream(DataStream, Schema)}. */
    Table fromChangelogStream(DataStream<Row> dataStream);

    /** A table of a changelog of Rows (+I, -U, +U, -D) with the declared columns, by position. */
    Table fromChangelogStream(DataStream<Row> dataStream, Schema schema);

    /**
     * As {@link #fromChangelogStream(DataStream, Schema)}; an upsert changelog ({@code ChangelogMode.upsert()}: +I, +U, -D
     * without -U) needs the schema's primary key, by which its updates are turned into -U/+U pairs.
     */
    Table fromChangelogStream(DataStream<Row> dataStream, Schema schema, ChangelogMode changelogMode);
}
