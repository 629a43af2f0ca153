package dev.weir.flink;

import dev.weir.core.execution.JobClient;
import dev.weir.plan.PipelineExecutor;
import dev.weir.sql.exec.SqlJob;
import dev.weir.table.api.TableException;
import dev.weir.table.api.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Runs a Weir SQL job's statements on Flink's own planner: a Flink table environment on the job's Flink environment
 * (MiniCluster or remote cluster, as for DataStream jobs) replays the session's statements, then plans the job's
 * INSERTs as one statement set and submits it. Everything Flink's planner refuses is refused here, on the client,
 * before the job is submitted ({@link FlinkSqlRefusals}).
 */
final class FlinkSqlSubmission {
    /** Settings that choose where the job runs: the Flink environment reads them, Flink's table config must not. */
    private static final List<String> ENVIRONMENT_KEYS = List.of(PipelineExecutor.TARGET, FlinkPipelineExecutor.REST_ADDRESS,
            FlinkPipelineExecutor.REST_PORT, FlinkPipelineExecutor.JARS);

    /** weir-sql's jar holds the Nexmark generator that Weir's 'nexmark' source for Flink runs on the cluster. */
    private static final String NEXMARK_CLASS = "dev.weir.sql.connector.nexmark.NexmarkGenerator";

    /**
     * Flink's Kafka table connector (the distribution's lib/flink/) is not in a Flink cluster's lib/, so a job with a
     * 'kafka' or 'upsert-kafka' table carries its jar (30 MB, so only then), as a Flink user's fat jar does.
     */
    private static final String KAFKA_CONNECTOR_CLASS = "org.apache.flink.streaming.connectors.kafka.table.KafkaDynamicTableFactory";

    private static final Pattern KAFKA_CONNECTOR = Pattern.compile("'connector'\\s*=\\s*'(upsert-)?kafka'", Pattern.CASE_INSENSITIVE);

    private FlinkSqlSubmission() {
    }

    static JobClient submit(SqlJob job) {
        Map<String, String> settings = job.settings();
        int parallelism = Integer.parseInt(settings.getOrDefault("parallelism.default", "1").trim());
        StreamExecutionEnvironment flink = FlinkPipelineExecutor.MINICLUSTER_TARGET.equals(settings.get(PipelineExecutor.TARGET))
                ? StreamExecutionEnvironment.createLocalEnvironment(parallelism, FlinkSubmission.flinkConfiguration(settings))
                : FlinkSubmission.remote(settings, shippedClasses(job));
        flink.setParallelism(parallelism);
        StreamTableEnvironment tables = StreamTableEnvironment.create(flink, EnvironmentSettings.inStreamingMode());
        settings.forEach((key, value) -> {
            if (!ENVIRONMENT_KEYS.contains(key)) {
                tables.getConfig().getConfiguration().setString(key, value);
            }
        });
        FlinkSqlRefusals refusals = new FlinkSqlRefusals(job, tables);
        for (String statement : job.session()) {
            refusals.run(statement, () -> tables.executeSql(statement));
        }
        StatementSet inserts = tables.createStatementSet();
        for (String insert : job.inserts()) {
            refusals.run(insert, () -> inserts.addInsertSql(insert));
        }
        // Plans the whole job without submitting it, so whatever Flink's planner refuses is refused before submission.
        refusals.run(String.join(";\n", job.inserts()), inserts::explain);
        TableResult result;
        try {
            result = inserts.execute();
        } catch (RuntimeException e) {
            String where = FlinkPipelineExecutor.MINICLUSTER_TARGET.equals(settings.get(PipelineExecutor.TARGET)) ? "a Flink MiniCluster"
                    : "the Flink cluster at " + settings.get(FlinkPipelineExecutor.REST_ADDRESS) + ":" + settings.get(FlinkPipelineExecutor.REST_PORT);
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            // Not Flink's own "Failed to execute sql" in the message: the SQL client shows the innermost message this one contains.
            throw new TableException("Flink's planner accepted the SQL job '" + job.jobName() + "', but " + where + " did not take "
                    + "it: " + root + "; check that the cluster runs and its REST endpoint is reachable", e);
        }
        return new FlinkJobClient(result.getJobClient().orElseThrow(() -> new ValidationException(
                "Flink's planner submitted no job for '" + job.jobName() + "'")));
    }

    /** The classes whose jars go with the job: weir-sql's always, Flink's Kafka connector's when a table uses it. */
    private static List<String> shippedClasses(SqlJob job) {
        boolean kafka = job.session().stream().anyMatch(statement -> KAFKA_CONNECTOR.matcher(statement).find());
        return kafka ? List.of(NEXMARK_CLASS, KAFKA_CONNECTOR_CLASS) : List.of(NEXMARK_CLASS);
    }
}
