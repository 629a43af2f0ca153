package dev.weir.sql;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.builtin.CollectIterator;
import dev.weir.builtin.CollectSink;
import dev.weir.core.execution.JobClient;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.catalog.SessionCatalog;
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
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.TableConfig;
import dev.weir.table.api.TableException;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.calcite.plan.RelOptUtil;

/**
 * The jobs of a table environment's queries and INSERTs: plans them, translates them onto a Weir
 * {@link StreamExecutionEnvironment} with the session's {@code table.*} options, and submits them — on Weir, or, for
 * another {@code execution.target}, as SQL text to that runtime's own planner.
 */
final class StatementJobs {
    // Named after the façade, so that logging configured for TableEnvironmentImpl still applies.
    private static final System.Logger LOG = System.getLogger(TableEnvironmentImpl.class.getName());
    private static final String TARGET = "execution.target";
    private static final String AGG_PHASE_STRATEGY = "table.optimizer.agg-phase-strategy";
    private static final String REUSE_SOURCE = "table.optimizer.reuse-source-enabled";
    private static final String REUSE_SUB_PLAN = "table.optimizer.reuse-sub-plan-enabled";

    private final StreamExecutionEnvironment boundEnvironment;
    private final TableConfig config;
    private final SessionCatalog catalog;
    private final SqlPlanner planner;
    private final SessionStatements session;
    private final CatalogCalls catalogCalls;

    StatementJobs(StreamExecutionEnvironment boundEnvironment, TableConfig config, SessionCatalog catalog, SqlPlanner planner,
            SessionStatements session, CatalogCalls catalogCalls) {
        this.boundEnvironment = boundEnvironment;
        this.config = config;
        this.catalog = catalog;
        this.planner = planner;
        this.session = session;
        this.catalogCalls = catalogCalls;
    }

    String explain(String statement) {
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

    /** The environment a job runs on: the bound one, else a fresh local one configured by the session's options. */
    StreamExecutionEnvironment jobEnvironment() {
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

    /** The environment a StreamStatementSet attaches its inserts to: the one this environment was created on. */
    StreamExecutionEnvironment boundEnvironmentForAttach() {
        if (boundEnvironment == null || !runsOnWeir()) {
            throw new ValidationException("attachAsDataStream() needs a StreamTableEnvironment created on a "
                    + "StreamExecutionEnvironment, running on Weir (execution.target 'local'); run the set with execute()");
        }
        return boundEnvironment;
    }

    Translated translate(StreamExecutionEnvironment env, String query) {
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
        // As Flink's collect: the rows end when the job has terminated, and closing them cancels only a job still
        // running (a cancel while it ends by itself would fail a later await() with "cancelled").
        CompletableFuture<JobExecutionResult> jobEnd = client.getJobExecutionResult();
        return TableResultImpl.ofJob(RowTypes.schema(translated.rowType(), translated.rowtimeIndex()),
                new CollectIterator<>(sink, () -> {
                    if (!jobEnd.isDone()) {
                        client.cancel();
                    }
                }, jobEnd), client);
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
        Object entry = catalogCalls.entry(target);
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
}
