package dev.weir.sql;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.sql.catalog.TableResolver;
import dev.weir.sql.plan.Translated;
import dev.weir.sql.runtime.ToExternal;
import dev.weir.sql.types.RowTypes;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Table;
import dev.weir.table.api.ValidationException;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.connector.ChangelogMode;
import dev.weir.table.types.AbstractDataType;
import dev.weir.table.types.UnresolvedDataType;
import dev.weir.types.Row;
import java.util.Objects;

/**
 * A StreamTableEnvironment's bridge to the DataStream API: DataStreams (insert-only or changelog) registered as tables,
 * and tables translated onto the bound {@link StreamExecutionEnvironment} as DataStreams of rows, classes or changelogs.
 */
final class DataStreamConversions {
    private final TableEnvironmentImpl environment;
    private final StreamExecutionEnvironment boundEnvironment;
    private final SessionCatalog catalog;
    private final TableResolver resolver;
    private final SessionStatements session;
    private final StatementJobs jobs;

    DataStreamConversions(TableEnvironmentImpl environment, StreamExecutionEnvironment boundEnvironment, SessionCatalog catalog,
            TableResolver resolver, SessionStatements session, StatementJobs jobs) {
        this.environment = environment;
        this.boundEnvironment = boundEnvironment;
        this.catalog = catalog;
        this.resolver = resolver;
        this.session = session;
        this.jobs = jobs;
    }

    <T> Table fromDataStream(DataStream<T> dataStream) {
        throw new ValidationException("Weir cannot derive a table's columns from a DataStream's element type (Weir keeps "
                + "no type information); pass the columns: fromDataStream(stream, Schema.newBuilder().column(\"name\", "
                + "DataTypes.STRING())...build())");
    }

    <T> Table fromDataStream(DataStream<T> dataStream, Schema schema) {
        String name = environment.anonymousName();
        registerStream(name, dataStream, schema);
        return new TableImpl(environment, "SELECT * FROM `" + name + "`", ((CatalogTable) catalog.get(name)).schema());
    }

    <T> void createTemporaryView(String path, DataStream<T> dataStream) {
        fromDataStream(dataStream);
    }

    <T> void createTemporaryView(String path, DataStream<T> dataStream, Schema schema) {
        registerStream(path, dataStream, schema);
    }

    private <T> void registerStream(String name, DataStream<T> dataStream, Schema schema) {
        requireBound(dataStream);
        new DataStreamTables(resolver, catalog).register(name, dataStream, schema);
        catalog.markTemporary(name);
        session.dataStreamTable(name);
    }

    private void requireBound(DataStream<?> stream) {
        if (boundEnvironment == null || stream.getExecutionEnvironment() != boundEnvironment) {
            throw new ValidationException("The DataStream belongs to another StreamExecutionEnvironment; create the "
                    + "StreamTableEnvironment with StreamTableEnvironment.create(env) on the stream's environment");
        }
    }

    DataStream<Row> toDataStream(Table table) {
        Translated translated = translateBound(table);
        if (translated.updating()) {
            throw new ValidationException("Table sink '*anonymous_datastream_sink*' doesn't support consuming update and "
                    + "delete changes: the table is the result of a GROUP BY without windows; use toChangelogStream(table), "
                    + "or a window aggregate, which is insert-only");
        }
        return translated.stream().map(new ToExternal(RowTypes.conversions(translated.rowType()), translated.rowType().getFieldNames())).name("ToDataStream");
    }

    DataStream<Row> toChangelogStream(Table table) {
        Translated translated = translateBound(table);
        return translated.stream().map(new ToExternal(RowTypes.conversions(translated.rowType()), translated.rowType().getFieldNames())).name("ToChangelogStream");
    }

    private Translated translateBound(Table table) {
        if (boundEnvironment == null) {
            throw new ValidationException("toDataStream needs a StreamTableEnvironment created on a StreamExecutionEnvironment");
        }
        if (!jobs.runsOnWeir()) {
            throw new ValidationException("toDataStream and toChangelogStream cannot run on execution.target '" + jobs.target()
                    + "': there a SQL job runs on Flink's planner, which hands no table back to a Weir DataStream; run the job "
                    + "on Weir (execution.target 'local'), or write the table with INSERT INTO a connector table");
        }
        return jobs.translate(boundEnvironment, environment.own(table).sql());
    }

    @SuppressWarnings("unchecked")
    <T> DataStream<T> toDataStream(Table table, Class<T> targetClass) {
        Objects.requireNonNull(targetClass, "targetClass");
        DataStream<Row> rows = toDataStream(table);
        if (targetClass == Row.class) {
            return (DataStream<T>) rows;
        }
        ResolvedSchema schema = table.getResolvedSchema();
        return rows.map(RowToClass.of(targetClass, schema.getColumnNames(), schema.getColumnDataTypes()))
                .name("ToDataStream(" + targetClass.getSimpleName() + ")");
    }

    @SuppressWarnings("unchecked")
    <T> DataStream<T> toDataStream(Table table, AbstractDataType<?> targetDataType) {
        Objects.requireNonNull(targetDataType, "targetDataType");
        if (targetDataType instanceof UnresolvedDataType unresolved) {
            return unresolved.getTypeClass() != null
                    ? toDataStream(table, (Class<T>) unresolved.getConversionClass())
                    : toDataStream(table, dev.weir.sql.parse.DataTypeParser.parse(unresolved.getTypeString()));
        }
        dev.weir.table.types.DataType type = (dev.weir.table.types.DataType) targetDataType;
        if (type.getTypeRoot() == dev.weir.table.types.logical.LogicalTypeRoot.ROW) {
            return (DataStream<T>) toDataStream(table);
        }
        return toDataStream(table, (Class<T>) type.getConversionClass());
    }

    DataStream<Row> toChangelogStream(Table table, Schema targetSchema) {
        return toChangelogStream(table, targetSchema, ChangelogMode.all());
    }

    DataStream<Row> toChangelogStream(Table table, Schema targetSchema, ChangelogMode changelogMode) {
        Objects.requireNonNull(targetSchema, "targetSchema");
        Translated translated = translateBound(table);
        if (changelogMode.containsOnly(dev.weir.types.RowKind.INSERT) && translated.updating()) {
            throw new ValidationException("Table sink '*anonymous_datastream_sink*' doesn't support consuming update and delete "
                    + "changes, as ChangelogMode.insertOnly() declares; use ChangelogMode.all() or upsert()");
        }
        return translated.stream().flatMap(ChangelogProjection.of(translated, table.getResolvedSchema(), targetSchema,
                changelogMode)).name("ToChangelogStream");
    }

    Table fromChangelogStream(DataStream<Row> dataStream) {
        throw new ValidationException("Weir cannot derive a table's columns from a DataStream's element type (Weir keeps "
                + "no type information); pass the columns: fromChangelogStream(stream, Schema.newBuilder().column(\"name\", "
                + "DataTypes.STRING())...build())");
    }

    Table fromChangelogStream(DataStream<Row> dataStream, Schema schema) {
        return fromChangelogStream(dataStream, schema, ChangelogMode.all());
    }

    Table fromChangelogStream(DataStream<Row> dataStream, Schema schema, ChangelogMode changelogMode) {
        requireBound(dataStream);
        String name = environment.anonymousName();
        new DataStreamTables(resolver, catalog).register(name, dataStream, Objects.requireNonNull(schema, "schema"),
                Objects.requireNonNull(changelogMode, "changelogMode"));
        session.dataStreamTable(name);
        return new TableImpl(environment, "SELECT * FROM `" + name + "`", ((CatalogTable) catalog.get(name)).schema());
    }
}
