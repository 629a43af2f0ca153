package dev.weir.sql;

import dev.weir.table.api.TablePipeline;
import dev.weir.table.api.TableResult;

/** An insert of a query into a catalog table, not yet run: Weir's {@link TablePipeline}. */
final class InsertPipeline implements TablePipeline {
    private final TableEnvironmentImpl environment;
    private final String target;
    private final String query;

    InsertPipeline(TableEnvironmentImpl environment, String target, String query) {
        this.environment = environment;
        this.target = target;
        this.query = query;
    }

    TableEnvironmentImpl environment() {
        return environment;
    }

    String target() {
        return target;
    }

    String query() {
        return query;
    }

    @Override
    public TableResult execute() {
        return environment.executeInsert(target, query);
    }

    @Override
    public String explain() {
        return environment.explainSql(TableEnvironmentImpl.insertStatement(target, query));
    }
}
