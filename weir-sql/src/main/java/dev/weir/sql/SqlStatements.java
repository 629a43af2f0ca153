package dev.weir.sql;

import dev.weir.sql.catalog.CatalogView;
import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.sql.catalog.TableResolver;
import dev.weir.sql.exec.TableResultImpl;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.parse.StatementParser;
import dev.weir.sql.plan.SqlPlanner;
import dev.weir.sql.types.RowTypes;
import dev.weir.table.api.TableConfig;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.types.Row;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The statements of {@code executeSql}: parses one, runs it (DDL on the session catalog, SET on the table config,
 * queries and INSERTs as jobs) and records in the session what another runtime must replay.
 */
final class SqlStatements {
    private static final Pattern TEMPORARY = Pattern.compile("\\s*CREATE\\s+TEMPORARY\\s", Pattern.CASE_INSENSITIVE);

    private final TableConfig config;
    private final SessionCatalog catalog;
    private final SqlPlanner planner;
    private final TableResolver resolver;
    private final SessionStatements session;
    private final CatalogStatements catalogStatements;
    private final CatalogCalls catalogCalls;
    private final StatementJobs jobs;

    SqlStatements(TableConfig config, SessionCatalog catalog, SqlPlanner planner, TableResolver resolver, SessionStatements session,
            CatalogCalls catalogCalls, StatementJobs jobs) {
        this.config = config;
        this.catalog = catalog;
        this.planner = planner;
        this.resolver = resolver;
        this.session = session;
        this.catalogStatements = new CatalogStatements(catalog, resolver, planner);
        this.catalogCalls = catalogCalls;
        this.jobs = jobs;
    }

    TableResult execute(String statement) {
        Statement parsed = StatementParser.parse(Objects.requireNonNull(statement, "statement"));
        if (parsed instanceof Statement.CreateFunction || parsed instanceof Statement.DropFunction
                || parsed instanceof Statement.ShowFunctions) {
            TableResult result = new Functions(catalog).execute(parsed);
            if (parsed instanceof Statement.CreateFunction) {
                session.weirFunction(((Statement.CreateFunction) parsed).name());
            }
            return result;
        }
        String created = parsed instanceof Statement.CreateTable c ? c.name() : parsed instanceof Statement.CreateView v ? v.name() : null;
        boolean existed = created != null && catalog.get(created) != null;
        TableResult result = CatalogStatements.handles(parsed) ? catalogStatements.execute(parsed) : executeStatement(statement, parsed);
        if (created != null && !existed && TEMPORARY.matcher(statement).lookingAt()) {
            catalog.markTemporary(created);
        }
        // SET goes into the table config, which another runtime receives whole with each job (SqlJob's settings).
        if (parsed instanceof Statement.CreateTable || parsed instanceof Statement.CreateView || parsed instanceof Statement.Drop
                || parsed instanceof Statement.AlterTable || parsed instanceof Statement.Use) {
            session.add(statement);
        }
        return result;
    }

    private TableResult executeStatement(String statement, Statement parsed) {
        if (parsed instanceof Statement.CreateTable) {
            Statement.CreateTable c = (Statement.CreateTable) parsed;
            if (c.ifNotExists() && catalog.get(c.name()) != null) {
                return TableResultImpl.OK;
            }
            catalog.createTable(resolver.resolve(c.name(), c.columns(), c.watermarkColumn(), c.watermarkExpression(), c.primaryKey(),
                    c.options(), null, false), c.ifNotExists());
            return TableResultImpl.OK;
        }
        if (parsed instanceof Statement.CreateView) {
            Statement.CreateView v = (Statement.CreateView) parsed;
            if (v.ifNotExists() && catalog.get(v.name()) != null) {
                return TableResultImpl.OK;
            }
            SqlPlanner.Planned planned = planner.planQuery(v.query());
            catalog.createView(new CatalogView(v.name(), v.query(), RowTypes.schema(planned.rowType(), -1)), v.ifNotExists());
            return TableResultImpl.OK;
        }
        if (parsed instanceof Statement.Drop) {
            Statement.Drop d = (Statement.Drop) parsed;
            if (!catalog.drop(d.name(), d.view()) && !d.ifExists()) {
                throw new ValidationException((d.view() ? "View" : "Table") + " with identifier 'default_catalog.default_database."
                        + d.name() + "' does not exist; write DROP " + (d.view() ? "VIEW" : "TABLE") + " IF EXISTS to ignore that");
            }
            return TableResultImpl.OK;
        }
        if (parsed instanceof Statement.Describe) {
            return Describe.of(catalogCalls.entry(((Statement.Describe) parsed).name()));
        }
        if (parsed instanceof Statement.Explain) {
            String plan = jobs.explain(((Statement.Explain) parsed).statement());
            return TableResultImpl.ofRows(ResolvedSchema.physical(List.of("result"), List.of(dev.weir.table.api.DataTypes.STRING())),
                    List.of(Row.of(plan)));
        }
        if (parsed instanceof Statement.Insert) {
            Statement.Insert insert = (Statement.Insert) parsed;
            return jobs.executeInsert(insert.target(), insert.query());
        }
        if (parsed instanceof Statement.Set) {
            Statement.Set set = (Statement.Set) parsed;
            config.set(set.key(), set.value());
            return TableResultImpl.OK;
        }
        return jobs.executeQuery(((Statement.Query) parsed).sql());
    }
}
