package dev.weir.sql;

import dev.weir.table.api.Table;
import dev.weir.table.api.TableDescriptor;
import dev.weir.table.api.TablePipeline;
import dev.weir.table.api.TableResult;
import dev.weir.table.catalog.ResolvedSchema;

/**
 * A planned query of a {@link TableEnvironmentImpl}: its SQL text and result schema. Its {@link #toString()} is, as in
 * Flink, the name of an anonymous view of it, so {@code "SELECT * FROM " + table} works in SQL.
 */
final class TableImpl implements Table {
    private final TableEnvironmentImpl environment;
    private final String sql;
    private final ResolvedSchema schema;
    private String registeredName;

    TableImpl(TableEnvironmentImpl environment, String sql, ResolvedSchema schema) {
        this.environment = environment;
        this.sql = sql;
        this.schema = schema;
    }

    String sql() {
        return sql;
    }

    TableEnvironmentImpl environment() {
        return environment;
    }

    @Override
    public ResolvedSchema getResolvedSchema() {
        return schema;
    }

    @Override
    public void printSchema() {
        System.out.println(schema);
    }

    @Override
    public TableResult execute() {
        return environment.executeQuery(sql);
    }

    @Override
    public TableResult executeInsert(String tablePath) {
        return environment.executeInsert(tablePath, sql);
    }

    @Override
    public String explain() {
        return environment.explainSql(sql);
    }

    @Override
    public synchronized String toString() {
        if (registeredName == null) {
            registeredName = environment.registerAnonymous(this);
        }
        return "`" + registeredName + "`";
    }

    @Override
    public TablePipeline insertInto(TableDescriptor descriptor) {
        return new InsertPipeline(environment, environment.registerSink(descriptor, this), sql);
    }

    @Override
    public TableResult executeInsert(TableDescriptor descriptor) {
        return insertInto(descriptor).execute();
    }

    @Override
    public TableResult executeInsert(TableDescriptor descriptor, boolean overwrite) {
        TableEnvironmentImpl.refuseOverwrite(overwrite);
        return executeInsert(descriptor);
    }
}
