package dev.weir.sql;

import dev.weir.plan.DefaultConfiguration;
import dev.weir.core.execution.JobClient;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.catalog.CatalogView;
import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.sql.catalog.TableResolver;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.parse.StatementParser;
import dev.weir.sql.plan.SqlPlanner;
import dev.weir.sql.types.RowTypes;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableConfig;
import dev.weir.table.api.TableDescriptor;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import dev.weir.table.api.bridge.java.StreamStatementSet;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.connector.ChangelogMode;
import dev.weir.table.types.AbstractDataType;
import dev.weir.types.Row;
import java.util.List;
import java.util.Objects;

/**
 * Weir's {@link StreamTableEnvironment} (and plain {@link dev.weir.table.api.TableEnvironment}): a session catalog,
 * the Calcite planner over it, and the translation of each statement to a Weir job. A plain environment runs every
 * job on a fresh local {@link StreamExecutionEnvironment}; a stream table environment builds jobs on the one it
 * was created with, where its DataStream tables live (so {@code execute} there also runs that environment's other
 * pending sinks, unlike Flink). This class is the public façade: {@link SqlStatements} runs executeSql's statements,
 * {@link StatementJobs} plans and submits jobs, {@link DataStreamConversions} bridges to DataStreams and
 * {@link CatalogCalls} answers the catalog calls.
 */
public final class TableEnvironmentImpl implements StreamTableEnvironment {
    private final TableConfig config = new TableConfig();
    private final SessionCatalog catalog = new SessionCatalog();
    private final SqlPlanner planner = new SqlPlanner(catalog);
    private final TableResolver resolver = new TableResolver(planner);
    private final SessionStatements session = new SessionStatements();
    private final CatalogCalls catalogCalls = new CatalogCalls(catalog, session);
    private final StatementJobs jobs;
    private final DataStreamConversions conversions;
    private final SqlStatements statements;
    private int anonymousTables;

    private TableEnvironmentImpl(StreamExecutionEnvironment boundEnvironment, EnvironmentSettings settings) {
        if (!settings.isStreamingMode()) {
            throw new ValidationException("Weir runs SQL in streaming mode only; create the environment with "
                    + "EnvironmentSettings.inStreamingMode() (bounded sources still end, with final results)");
        }
        if (!CatalogStatements.CATALOG.equals(settings.getBuiltInCatalogName())
                || !CatalogStatements.DATABASE.equals(settings.getBuiltInDatabaseName())) {
            throw new ValidationException("Weir's one catalog and database are named " + CatalogStatements.CATALOG + "."
                    + CatalogStatements.DATABASE + "; leave out withBuiltInCatalogName / withBuiltInDatabaseName");
        }
        this.jobs = new StatementJobs(boundEnvironment, config, catalog, planner, session, catalogCalls);
        this.conversions = new DataStreamConversions(this, boundEnvironment, catalog, resolver, session, jobs);
        this.statements = new SqlStatements(config, catalog, planner, resolver, session, catalogCalls, jobs);
        // As in Flink, the process's dynamic properties (weir run -D, or -D system properties) come first, the settings win.
        config.addConfiguration(DefaultConfiguration.load());
        config.addConfiguration(settings.getConfiguration());
    }

    public static TableEnvironmentImpl create(EnvironmentSettings settings) {
        return new TableEnvironmentImpl(null, Objects.requireNonNull(settings, "settings"));
    }

    public static TableEnvironmentImpl create(StreamExecutionEnvironment env, EnvironmentSettings settings) {
        return new TableEnvironmentImpl(Objects.requireNonNull(env, "executionEnvironment"), Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public TableConfig getConfig() {
        return config;
    }

    @Override
    public TableResult executeSql(String statement) {
        return statements.execute(statement);
    }

    @Override
    public void createTemporarySystemFunction(String name, Class<? extends dev.weir.table.functions.UserDefinedFunction> functionClass) {
        new Functions(catalog).register(name, Functions.instantiate(functionClass), false);
        session.weirFunction(name);
    }

    @Override
    public void createTemporarySystemFunction(String name, dev.weir.table.functions.UserDefinedFunction functionInstance) {
        new Functions(catalog).register(name, functionInstance, false);
        session.weirFunction(name);
    }

    @Override
    public boolean dropTemporarySystemFunction(String name) {
        return catalog.dropFunction(name);
    }

    @Override
    public String[] listUserDefinedFunctions() {
        return new Functions(catalog).names();
    }

    @Override
    public Table sqlQuery(String query) {
        Statement parsed = StatementParser.parse(Objects.requireNonNull(query, "query"));
        if (!(parsed instanceof Statement.Query)) {
            throw new ValidationException("Unsupported SQL query! sqlQuery() only accepts a single SQL query (SELECT, WITH, "
                    + "VALUES); run DDL and INSERT with executeSql()");
        }
        String sql = ((Statement.Query) parsed).sql();
        SqlPlanner.Planned planned = planner.planQuery(sql);
        return new TableImpl(this, sql, RowTypes.schema(planned.rowType(), -1));
    }

    /** The schema {@code query} validates to, without planning it (see {@link SqlPlanner#validatedRowType}). */
    ResolvedSchema validatedSchema(String query) {
        return RowTypes.schema(planner.validatedRowType(query), -1);
    }

    @Override
    public Table from(String path) {
        String name = CatalogStatements.objectName(path);
        Object entry = catalogCalls.entry(name);
        ResolvedSchema schema = entry instanceof CatalogTable ? ((CatalogTable) entry).schema() : ((CatalogView) entry).schema();
        return new TableImpl(this, "SELECT * FROM " + DescriptorDdl.quote(name), schema);
    }

    @Override
    public String[] listTables() {
        return catalogCalls.tables();
    }

    @Override
    public String[] listViews() {
        return catalogCalls.views();
    }

    @Override
    public void createTemporaryView(String path, Table view) {
        catalogCalls.createTemporaryView(path, own(view));
    }

    @Override
    public boolean dropTemporaryView(String path) {
        return catalog.drop(path, true);
    }

    @Override
    public boolean dropTemporaryTable(String path) {
        return catalog.drop(path, false);
    }

    @Override
    public StreamStatementSet createStatementSet() {
        return new StatementSetImpl(this);
    }

    @Override
    public String explainSql(String statement) {
        return jobs.explain(statement);
    }

    // ---- execution, by StatementJobs

    StreamExecutionEnvironment jobEnvironmentForSet() {
        return jobs.jobEnvironment();
    }

    /** The environment a StreamStatementSet attaches its inserts to: the one this environment was created on. */
    StreamExecutionEnvironment boundEnvironmentForAttach() {
        return jobs.boundEnvironmentForAttach();
    }

    TableResult executeQuery(String query) {
        return jobs.executeQuery(query);
    }

    TableResult executeInsert(String target, String query) {
        return jobs.executeInsert(target, query);
    }

    /** Plans {@code INSERT INTO target query} onto {@code env} without running it. */
    void addInsert(StreamExecutionEnvironment env, String target, String query) {
        jobs.addInsert(env, target, query);
    }

    boolean runsOnWeir() {
        return jobs.runsOnWeir();
    }

    static String insertStatement(String target, String query) {
        return StatementJobs.insertStatement(target, query);
    }

    /** Hands the session's statements and {@code inserts} to the runtime of the session's {@code execution.target}. */
    JobClient submitStatements(String jobName, List<String> inserts) {
        return jobs.submitStatements(jobName, inserts);
    }

    JobClient submit(StreamExecutionEnvironment env, String defaultJobName) {
        return jobs.submit(env, defaultJobName);
    }

    String registerAnonymous(TableImpl table) {
        String name = anonymousName();
        catalog.createView(new CatalogView(name, table.sql(), table.getResolvedSchema()), false);
        session.addView(name, table.sql());
        return name;
    }

    /** {@code table} as this environment's own; fails for a table of another environment. */
    TableImpl own(Table table) {
        if (!(table instanceof TableImpl) || ((TableImpl) table).environment() != this) {
            throw new ValidationException("Only tables that belong to this table environment can be registered; create the "
                    + "Table with this environment's sqlQuery or from");
        }
        return (TableImpl) table;
    }

    /** A fresh name for a table the user did not name, as Flink spells them. */
    String anonymousName() {
        return "UnnamedTable$" + anonymousTables++;
    }

    // ---- DataStream bridge, by DataStreamConversions

    @Override
    public <T> Table fromDataStream(DataStream<T> dataStream) {
        return conversions.fromDataStream(dataStream);
    }

    @Override
    public <T> Table fromDataStream(DataStream<T> dataStream, Schema schema) {
        return conversions.fromDataStream(dataStream, schema);
    }

    @Override
    public <T> void createTemporaryView(String path, DataStream<T> dataStream) {
        conversions.createTemporaryView(path, dataStream);
    }

    @Override
    public <T> void createTemporaryView(String path, DataStream<T> dataStream, Schema schema) {
        conversions.createTemporaryView(path, dataStream, schema);
    }

    @Override
    public DataStream<Row> toDataStream(Table table) {
        return conversions.toDataStream(table);
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table) {
        return conversions.toChangelogStream(table);
    }

    // ---- TableDescriptor, catalogs and views (Flink's TableEnvironment beyond SQL text)

    @Override
    public void createTemporaryTable(String path, TableDescriptor descriptor) {
        createTemporaryTable(path, descriptor, false);
    }

    @Override
    public void createTemporaryTable(String path, TableDescriptor descriptor, boolean ignoreIfExists) {
        createDescribedTable(path, descriptor, true, ignoreIfExists);
    }

    @Override
    public void createTable(String path, TableDescriptor descriptor) {
        createTable(path, descriptor, false);
    }

    @Override
    public boolean createTable(String path, TableDescriptor descriptor, boolean ignoreIfExists) {
        return createDescribedTable(path, descriptor, false, ignoreIfExists);
    }

    /** Runs the CREATE TABLE statement {@code descriptor} spells; false if the name was taken and that is ignored. */
    private boolean createDescribedTable(String path, TableDescriptor descriptor, boolean temporary, boolean ignoreIfExists) {
        String name = CatalogStatements.objectName(path);
        boolean existed = catalog.get(name) != null;
        executeSql(DescriptorDdl.createTable(name, Objects.requireNonNull(descriptor, "descriptor"), temporary, ignoreIfExists, null));
        return !existed;
    }

    @Override
    public Table from(TableDescriptor descriptor) {
        String name = anonymousName();
        executeSql(DescriptorDdl.createTable(name, Objects.requireNonNull(descriptor, "descriptor"), true, false, null));
        return from(name);
    }

    /** Registers the anonymous sink table {@code descriptor} declares (its columns, if not declared, {@code table}'s). */
    String registerSink(TableDescriptor descriptor, Table table) {
        String name = anonymousName();
        executeSql(DescriptorDdl.createTable(name, Objects.requireNonNull(descriptor, "descriptor"), true, false,
                own(table).getResolvedSchema()));
        return name;
    }

    /** The SQL text of a table of this environment. */
    String sqlOf(Table table) {
        return own(table).sql();
    }

    static void refuseOverwrite(boolean overwrite) {
        if (overwrite) {
            throw new ValidationException("INSERT OVERWRITE is not supported in streaming mode, as in Flink: insert without "
                    + "overwrite, or write to a new table");
        }
    }

    @Override
    public void createView(String path, Table view) {
        createView(path, view, false);
    }

    @Override
    public boolean createView(String path, Table view, boolean ignoreIfExists) {
        String name = CatalogStatements.objectName(path);
        // The name is checked before the table is: an existing name with ignoreIfExists is false for any table.
        if (ignoreIfExists && catalogCalls.exists(name)) {
            return false;
        }
        catalogCalls.createView(name, own(view));
        return true;
    }

    @Override
    public boolean dropTable(String path) {
        return catalogCalls.dropPermanent(path, false, true);
    }

    @Override
    public boolean dropTable(String path, boolean ignoreIfNotExists) {
        return catalogCalls.dropPermanent(path, false, ignoreIfNotExists);
    }

    @Override
    public boolean dropView(String path) {
        return catalogCalls.dropPermanent(path, true, true);
    }

    @Override
    public boolean dropView(String path, boolean ignoreIfNotExists) {
        return catalogCalls.dropPermanent(path, true, ignoreIfNotExists);
    }

    @Override
    public String[] listTemporaryTables() {
        return catalogCalls.temporaryTables();
    }

    @Override
    public String[] listTemporaryViews() {
        return catalogCalls.temporaryViews();
    }

    @Override
    public String[] listTables(String catalogName, String databaseName) {
        return catalogCalls.tables(catalogName, databaseName);
    }

    @Override
    public String[] listFunctions() {
        return catalogCalls.functions();
    }

    @Override
    public String[] listCatalogs() {
        return new String[] {CatalogStatements.CATALOG};
    }

    @Override
    public String[] listDatabases() {
        return new String[] {CatalogStatements.DATABASE};
    }

    @Override
    public String[] listModules() {
        return new String[] {"core"};
    }

    @Override
    public void useCatalog(String catalogName) {
        catalogCalls.useCatalog(catalogName);
    }

    @Override
    public void useDatabase(String databaseName) {
        catalogCalls.useDatabase(databaseName);
    }

    @Override
    public String getCurrentCatalog() {
        return CatalogStatements.CATALOG;
    }

    @Override
    public String getCurrentDatabase() {
        return CatalogStatements.DATABASE;
    }

    // ---- DataStream conversions with a target type, schema or changelog mode

    @Override
    public <T> DataStream<T> toDataStream(Table table, Class<T> targetClass) {
        return conversions.toDataStream(table, targetClass);
    }

    @Override
    public <T> DataStream<T> toDataStream(Table table, AbstractDataType<?> targetDataType) {
        return conversions.toDataStream(table, targetDataType);
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table, Schema targetSchema) {
        return conversions.toChangelogStream(table, targetSchema);
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table, Schema targetSchema, ChangelogMode changelogMode) {
        return conversions.toChangelogStream(table, targetSchema, changelogMode);
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream) {
        return conversions.fromChangelogStream(dataStream);
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream, Schema schema) {
        return conversions.fromChangelogStream(dataStream, schema);
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream, Schema schema, ChangelogMode changelogMode) {
        return conversions.fromChangelogStream(dataStream, schema, changelogMode);
    }
}
