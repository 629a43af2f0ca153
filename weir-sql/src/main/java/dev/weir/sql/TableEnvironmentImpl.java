package dev.weir.sql;

import dev.weir.builtin.CollectIterator;
import dev.weir.builtin.CollectSink;
import dev.weir.core.execution.JobClient;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.catalog.CatalogView;
import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.sql.catalog.TableResolver;
import dev.weir.sql.connector.TableConnector;
import dev.weir.sql.connector.TableConnectors;
import dev.weir.sql.exec.TableResultImpl;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.parse.StatementParser;
import dev.weir.sql.plan.SqlPlanner;
import dev.weir.sql.plan.StreamTranslator;
import dev.weir.sql.plan.Translated;
import dev.weir.sql.runtime.ToExternal;
import dev.weir.sql.types.RowTypes;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableConfig;
import dev.weir.table.api.TableDescriptor;
import dev.weir.table.api.TableException;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import dev.weir.table.api.bridge.java.StreamStatementSet;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.connector.ChangelogMode;
import dev.weir.table.types.AbstractDataType;
import dev.weir.table.types.UnresolvedDataType;
import dev.weir.types.Row;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptUtil;

/**
 * Weir's {@link StreamTableEnvironment} (and plain {@link dev.weir.table.api.TableEnvironment}): a session catalog,
 * the Calcite planner over it, and the translation of each statement to a Weir job. A plain environment runs every
 * job on a fresh local {@link StreamExecutionEnvironment}; a stream table environment builds jobs on the one it
 * was created with, where its DataStream tables live (so {@code execute} there also runs that environment's other
 * pending sinks, unlike Flink).
 */
public final class TableEnvironmentImpl implements StreamTableEnvironment {
    private static final System.Logger LOG = System.getLogger(TableEnvironmentImpl.class.getName());
    private static final String TARGET = "execution.target";
    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile("\\s*CREATE\\s+TEMPORARY\\s",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final String AGG_PHASE_STRATEGY = "table.optimizer.agg-phase-strategy";
    private static final String REUSE_SOURCE = "table.optimizer.reuse-source-enabled";
    private static final String REUSE_SUB_PLAN = "table.optimizer.reuse-sub-plan-enabled";

    private final StreamExecutionEnvironment boundEnvironment;
    private final TableConfig config = new TableConfig();
    private final SessionCatalog catalog = new SessionCatalog();
    private final SqlPlanner planner = new SqlPlanner(catalog);
    private final TableResolver resolver = new TableResolver(planner);
    private final SessionStatements session = new SessionStatements();
    private final CatalogStatements catalogStatements = new CatalogStatements(catalog, resolver, planner);
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
        this.boundEnvironment = boundEnvironment;
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
            return Describe.of(entry(((Statement.Describe) parsed).name()));
        }
        if (parsed instanceof Statement.Explain) {
            String plan = explainSql(((Statement.Explain) parsed).statement());
            return TableResultImpl.ofRows(ResolvedSchema.physical(List.of("result"), List.of(dev.weir.table.api.DataTypes.STRING())),
                    List.of(Row.of(plan)));
        }
        if (parsed instanceof Statement.Insert) {
            Statement.Insert insert = (Statement.Insert) parsed;
            return executeInsert(insert.target(), insert.query());
        }
        if (parsed instanceof Statement.Set) {
            Statement.Set set = (Statement.Set) parsed;
            config.set(set.key(), set.value());
            return TableResultImpl.OK;
        }
        return executeQuery(((Statement.Query) parsed).sql());
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

    private Object entry(String name) {
        Object entry = catalog.get(name);
        if (entry == null) {
            throw new ValidationException("Tables or views with the identifier 'default_catalog.default_database." + name
                    + "' doesn't exist; the tables are " + catalog.entries().keySet());
        }
        return entry;
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

    @Override
    public Table from(String path) {
        String name = CatalogStatements.objectName(path);
        Object entry = entry(name);
        ResolvedSchema schema = entry instanceof CatalogTable ? ((CatalogTable) entry).schema() : ((CatalogView) entry).schema();
        return new TableImpl(this, "SELECT * FROM " + DescriptorDdl.quote(name), schema);
    }

    @Override
    public String[] listTables() {
        return CatalogStatements.names(catalog, false);
    }

    @Override
    public String[] listViews() {
        return CatalogStatements.names(catalog, true);
    }

    @Override
    public void createTemporaryView(String path, Table view) {
        TableImpl table = own(view);
        catalog.createView(new CatalogView(path, table.sql(), table.getResolvedSchema()), false);
        catalog.markTemporary(path);
        session.addView(path, table.sql());
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
        Statement parsed = StatementParser.parse(statement);
        String query;
        String target = null;
        if (parsed instanceof Statement.Insert) {
            query = ((Statement.Insert) parsed).query();
            target = ((Statement.Insert) parsed).target();
        } else if (parsed instanceof Statement.Query) {
            query = ((Statement.Query) parsed).sql();
        } else {
            throw new ValidationException("EXPLAIN takes a query or an INSERT statement");
        }
        SqlPlanner.Planned planned = planner.planQuery(query);
        StreamTranslator translator = new StreamTranslator(StreamExecutionEnvironment.createLocalEnvironment(1), catalog, planner,
                config.getLocalTimeZone()).withStateTtl(stateTtl()).withAggPhaseStrategy(aggPhaseStrategy())
                .withSourceReuse(flag(REUSE_SOURCE)).withSubPlanReuse(flag(REUSE_SUB_PLAN));
        Translated translated = planned.translateWith(translator);
        StringBuilder sb = new StringBuilder("== Abstract Syntax Tree ==\n").append(RelOptUtil.toString(planned.rel()))
                .append("\n== Weir Operators ==\n");
        for (String op : translator.operators()) {
            sb.append(op).append('\n');
        }
        sb.append(target == null ? "Collect" : "Sink(table=[" + target + "])")
                .append(translated.updating() ? " (changelog: +I, -U, +U, -D)" : " (insert-only)").append('\n');
        return sb.toString();
    }

    // ---- execution

    private StreamExecutionEnvironment jobEnvironment() {
        if (boundEnvironment != null) {
            return boundEnvironment;
        }
        String parallelism = config.getConfiguration().getString("parallelism.default", null);
        StreamExecutionEnvironment env = parallelism == null ? StreamExecutionEnvironment.createLocalEnvironment()
                : StreamExecutionEnvironment.createLocalEnvironment(Integer.parseInt(parallelism));
        // As in Flink, the session's execution options (checkpointing, execution.savepoint.path, pipeline.*) configure the
        // job; the table.* and sql-client.* ones were read by the planner and the client.
        env.configure(JobOptions.of(config.getConfiguration()));
        return env;
    }

    StreamExecutionEnvironment jobEnvironmentForSet() {
        return jobEnvironment();
    }

    /** The environment a StreamStatementSet attaches its inserts to: the one this environment was created on. */
    StreamExecutionEnvironment boundEnvironmentForAttach() {
        if (boundEnvironment == null || !runsOnWeir()) {
            throw new ValidationException("attachAsDataStream() needs a StreamTableEnvironment created on a "
                    + "StreamExecutionEnvironment, running on Weir (execution.target 'local'); run the set with execute()");
        }
        return boundEnvironment;
    }

    private Translated translate(StreamExecutionEnvironment env, String query) {
        logIgnoredOptions();
        SqlPlanner.Planned planned = planner.planQuery(query);
        return planned.translateWith(new StreamTranslator(env, catalog, planner, config.getLocalTimeZone())
                .withStateTtl(stateTtl()).withAggPhaseStrategy(aggPhaseStrategy()).withSourceReuse(flag(REUSE_SOURCE))
                .withSubPlanReuse(flag(REUSE_SUB_PLAN)));
    }

    /** {@code table.optimizer.agg-phase-strategy} as Flink spells it: AUTO (the default), ONE_PHASE or TWO_PHASE. */
    private String aggPhaseStrategy() {
        return config.getConfiguration().getString(AGG_PHASE_STRATEGY, "AUTO");
    }

    /**
     * A boolean {@code table.optimizer.*} option whose default, as in Flink, is true: {@code reuse-source-enabled},
     * {@code reuse-sub-plan-enabled}.
     */
    private boolean flag(String key) {
        String value = config.getConfiguration().getString(key, "true").trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new ValidationException("Invalid value '" + value + "' for option '" + key + "': write true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** {@code table.exec.state.ttl} as Flink reads it ({@code '1 h'}, {@code '30 s'}, {@code '0'}: forever). */
    private java.time.Duration stateTtl() {
        return config.getIdleStateRetention();
    }

    private void logIgnoredOptions() {
        for (String key : config.getConfiguration().keySet()) {
            if (key.startsWith("table.exec.mini-batch") || key.startsWith("table.optimizer") && !key.equals(AGG_PHASE_STRATEGY)
                    && !key.equals(REUSE_SOURCE) && !key.equals(REUSE_SUB_PLAN)) {
                LOG.log(System.Logger.Level.INFO, "Option ''{0}'' is accepted and ignored: Weir has no such setting", key);
            }
        }
    }

    TableResult executeQuery(String query) {
        if (!runsOnWeir()) {
            throw new ValidationException("A query's rows are collected in this process, which Weir does on execution.target "
                    + "'local' only; on '" + target() + "' (Flink's planner) write them to a table instead: INSERT INTO a "
                    + "'print' or 'filesystem' table");
        }
        StreamExecutionEnvironment env = jobEnvironment();
        Translated translated = translate(env, query);
        CollectSink<Row> sink = new CollectSink<>();
        translated.stream().map(new ToExternal(RowTypes.conversions(translated.rowType()), translated.rowType().getFieldNames())).name("ToExternal")
                .sinkTo(sink).name("Collect Sink");
        JobClient client = submit(env, "collect");
        client.getJobExecutionResult().whenComplete((result, failure) -> {
            if (failure != null) {
                sink.fail(failure);
            }
        });
        return TableResultImpl.ofJob(RowTypes.schema(translated.rowType(), translated.rowtimeIndex()),
                new CollectIterator<>(sink, () -> client.cancel()), client);
    }

    TableResult executeInsert(String target, String query) {
        if (!runsOnWeir()) {
            return TableResultImpl.ofInsert(target, submitStatements("insert-into_default_catalog.default_database." + target,
                    List.of(insertStatement(target, query))));
        }
        StreamExecutionEnvironment env = jobEnvironment();
        addInsert(env, target, query);
        return TableResultImpl.ofInsert(target, submit(env, "insert-into_default_catalog.default_database." + target));
    }

    /** Plans {@code INSERT INTO target query} onto {@code env} without running it. */
    void addInsert(StreamExecutionEnvironment env, String target, String query) {
        Object entry = entry(target);
        if (!(entry instanceof CatalogTable) || ((CatalogTable) entry).stream() != null) {
            throw new ValidationException("'" + target + "' is a view or a DataStream table; INSERT INTO needs a table with a "
                    + "connector (CREATE TABLE ... WITH ('connector' = ...))");
        }
        CatalogTable table = (CatalogTable) entry;
        TableConnector connector = TableConnectors.of(table);
        Translated translated = translate(env, query);
        int expected = table.physicalColumnCount();
        if (translated.rowType().getFieldCount() != expected) {
            throw new ValidationException("Column types of query result and sink for 'default_catalog.default_database." + target
                    + "' do not match.\nCause: Different number of columns.\n\nQuery schema: "
                    + RowTypes.schema(translated.rowType(), -1).getColumnNames() + "\nSink schema:  "
                    + table.columns().stream().filter(c -> c.expression() == null).map(c -> c.name()).toList());
        }
        org.apache.calcite.rel.type.RelDataType sinkType = dev.weir.sql.plan.SourceTypes.sink(table);
        connector.createSink(translated.stream(), table, sinkType, translated.updating());
    }

    // ---- jobs for a runtime with its own planner (execution.target other than 'local': Flink's, through weir-flink)

    /** {@code execution.target} of this environment's jobs: the table config's, else the bound environment's, else the JVM's. */
    String target() {
        String target = config.getConfiguration().getString(TARGET, null);
        if (target == null && boundEnvironment != null) {
            target = boundEnvironment.getConfiguration().toMap().get(TARGET);
        }
        if (target == null) {
            target = System.getProperty(TARGET);
        }
        return target == null ? "local" : target;
    }

    boolean runsOnWeir() {
        return "local".equals(target());
    }

    static String insertStatement(String target, String query) {
        return "INSERT INTO `" + target + "` " + query;
    }

    /** Hands the session's statements and {@code inserts} to the runtime of {@link #target()}, which plans them itself. */
    JobClient submitStatements(String jobName, List<String> inserts) {
        return session.submit(target(), jobName, inserts, boundEnvironment, config.getConfiguration().toMap());
    }


    JobClient submit(StreamExecutionEnvironment env, String defaultJobName) {
        // As Flink: 'pipeline.name' names the job, else the statement's default (insert-into_<sink>, collect).
        String jobName = config.getConfiguration().getString("pipeline.name", defaultJobName);
        try {
            return env.executeAsync(jobName);
        } catch (Exception e) {
            throw new TableException("Failed to execute sql: the job '" + jobName + "' could not start: " + e.getMessage(), e);
        }
    }

    String registerAnonymous(TableImpl table) {
        String name = "UnnamedTable$" + anonymousTables++;
        catalog.createView(new CatalogView(name, table.sql(), table.getResolvedSchema()), false);
        session.addView(name, table.sql());
        return name;
    }

    private TableImpl own(Table table) {
        if (!(table instanceof TableImpl) || ((TableImpl) table).environment() != this) {
            throw new ValidationException("Only tables that belong to this table environment can be registered; create the "
                    + "Table with this environment's sqlQuery or from");
        }
        return (TableImpl) table;
    }

    // ---- DataStream bridge

    @Override
    public <T> Table fromDataStream(DataStream<T> dataStream) {
        throw new ValidationException("Weir cannot derive a table's columns from a DataStream's element type (Weir keeps "
                + "no type information); pass the columns: fromDataStream(stream, Schema.newBuilder().column(\"name\", "
                + "DataTypes.STRING())...build())");
    }

    @Override
    public <T> Table fromDataStream(DataStream<T> dataStream, Schema schema) {
        String name = "UnnamedTable$" + anonymousTables++;
        registerStream(name, dataStream, schema);
        return new TableImpl(this, "SELECT * FROM `" + name + "`", ((CatalogTable) catalog.get(name)).schema());
    }

    @Override
    public <T> void createTemporaryView(String path, DataStream<T> dataStream) {
        fromDataStream(dataStream);
    }

    @Override
    public <T> void createTemporaryView(String path, DataStream<T> dataStream, Schema schema) {
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

    @Override
    public DataStream<Row> toDataStream(Table table) {
        Translated translated = translateBound(table);
        if (translated.updating()) {
            throw new ValidationException("Table sink '*anonymous_datastream_sink*' doesn't support consuming update and "
                    + "delete changes: the table is the result of a GROUP BY without windows; use toChangelogStream(table), "
                    + "or a window aggregate, which is insert-only");
        }
        return translated.stream().map(new ToExternal(RowTypes.conversions(translated.rowType()), translated.rowType().getFieldNames())).name("ToDataStream");
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table) {
        Translated translated = translateBound(table);
        return translated.stream().map(new ToExternal(RowTypes.conversions(translated.rowType()), translated.rowType().getFieldNames())).name("ToChangelogStream");
    }

    private Translated translateBound(Table table) {
        if (boundEnvironment == null) {
            throw new ValidationException("toDataStream needs a StreamTableEnvironment created on a StreamExecutionEnvironment");
        }
        if (!runsOnWeir()) {
            throw new ValidationException("toDataStream and toChangelogStream cannot run on execution.target '" + target()
                    + "': there a SQL job runs on Flink's planner, which hands no table back to a Weir DataStream; run the job "
                    + "on Weir (execution.target 'local'), or write the table with INSERT INTO a connector table");
        }
        return translate(boundEnvironment, own(table).sql());
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
        String name = "UnnamedTable$" + anonymousTables++;
        executeSql(DescriptorDdl.createTable(name, Objects.requireNonNull(descriptor, "descriptor"), true, false, null));
        return from(name);
    }

    /** Registers the anonymous sink table {@code descriptor} declares (its columns, if not declared, {@code table}'s). */
    String registerSink(TableDescriptor descriptor, Table table) {
        String name = "UnnamedTable$" + anonymousTables++;
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
        if (ignoreIfExists && catalog.get(name) != null) {
            return false;
        }
        TableImpl table = own(view);
        catalog.createView(new CatalogView(name, table.sql(), table.getResolvedSchema()), false);
        session.addView(name, table.sql());
        return true;
    }

    @Override
    public boolean dropTable(String path) {
        return dropPermanent(path, false, true);
    }

    @Override
    public boolean dropTable(String path, boolean ignoreIfNotExists) {
        return dropPermanent(path, false, ignoreIfNotExists);
    }

    @Override
    public boolean dropView(String path) {
        return dropPermanent(path, true, true);
    }

    @Override
    public boolean dropView(String path, boolean ignoreIfNotExists) {
        return dropPermanent(path, true, ignoreIfNotExists);
    }

    /** Flink's dropTable / dropView: permanent objects only; a temporary one must be dropped with dropTemporary* first. */
    private boolean dropPermanent(String path, boolean view, boolean ignoreIfNotExists) {
        String name = CatalogStatements.objectName(path);
        String identifier = "'`" + CatalogStatements.CATALOG + "`.`" + CatalogStatements.DATABASE + "`.`" + name + "`'";
        if (catalog.isTemporary(name)) {
            throw new ValidationException("Temporary " + (view ? "view" : "table") + " with identifier " + identifier
                    + " exists. Drop it first before removing the permanent " + (view ? "view" : "table")
                    + " (dropTemporary" + (view ? "View" : "Table") + ")");
        }
        if (catalog.get(name) == null) {
            if (!ignoreIfNotExists) {
                throw new ValidationException((view ? "View" : "Table") + " with identifier " + identifier + " does not exist.");
            }
            return false;
        }
        catalog.drop(name, view);
        session.add("DROP " + (view ? "VIEW " : "TABLE ") + DescriptorDdl.quote(name));
        return true;
    }

    @Override
    public String[] listTemporaryTables() {
        return CatalogStatements.temporaryNames(catalog, false);
    }

    @Override
    public String[] listTemporaryViews() {
        return CatalogStatements.temporaryNames(catalog, true);
    }

    @Override
    public String[] listTables(String catalogName, String databaseName) {
        CatalogStatements.use(catalogName, databaseName);
        return listTables();
    }

    @Override
    public String[] listFunctions() {
        List<String> names = new java.util.ArrayList<>();
        executeSql("SHOW FUNCTIONS").collect().forEachRemaining(row -> names.add((String) row.getField(0)));
        return names.toArray(new String[0]);
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
        CatalogStatements.use(Objects.requireNonNull(catalogName, "catalogName"), null);
    }

    @Override
    public void useDatabase(String databaseName) {
        CatalogStatements.use(null, Objects.requireNonNull(databaseName, "databaseName"));
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
    @SuppressWarnings("unchecked")
    public <T> DataStream<T> toDataStream(Table table, Class<T> targetClass) {
        Objects.requireNonNull(targetClass, "targetClass");
        DataStream<Row> rows = toDataStream(table);
        if (targetClass == Row.class) {
            return (DataStream<T>) rows;
        }
        ResolvedSchema schema = table.getResolvedSchema();
        return rows.map(RowToClass.of(targetClass, schema.getColumnNames(), schema.getColumnDataTypes()))
                .name("ToDataStream(" + targetClass.getSimpleName() + ")");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> DataStream<T> toDataStream(Table table, AbstractDataType<?> targetDataType) {
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

    @Override
    public DataStream<Row> toChangelogStream(Table table, Schema targetSchema) {
        return toChangelogStream(table, targetSchema, ChangelogMode.all());
    }

    @Override
    public DataStream<Row> toChangelogStream(Table table, Schema targetSchema, ChangelogMode changelogMode) {
        Objects.requireNonNull(targetSchema, "targetSchema");
        Translated translated = translateBound(table);
        if (changelogMode.containsOnly(dev.weir.types.RowKind.INSERT) && translated.updating()) {
            throw new ValidationException("Table sink '*anonymous_datastream_sink*' doesn't support consuming update and delete "
                    + "changes, as ChangelogMode.insertOnly() declares; use ChangelogMode.all() or upsert()");
        }
        return translated.stream().flatMap(ChangelogProjection.of(translated, table.getResolvedSchema(), targetSchema,
                changelogMode)).name("ToChangelogStream");
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream) {
        throw new ValidationException("Weir cannot derive a table's columns from a DataStream's element type (Weir keeps "
                + "no type information); pass the columns: fromChangelogStream(stream, Schema.newBuilder().column(\"name\", "
                + "DataTypes.STRING())...build())");
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream, Schema schema) {
        return fromChangelogStream(dataStream, schema, ChangelogMode.all());
    }

    @Override
    public Table fromChangelogStream(DataStream<Row> dataStream, Schema schema, ChangelogMode changelogMode) {
        requireBound(dataStream);
        String name = "UnnamedTable$" + anonymousTables++;
        new DataStreamTables(resolver, catalog).register(name, dataStream, Objects.requireNonNull(schema, "schema"),
                Objects.requireNonNull(changelogMode, "changelogMode"));
        session.dataStreamTable(name);
        return new TableImpl(this, "SELECT * FROM `" + name + "`", ((CatalogTable) catalog.get(name)).schema());
    }
}
