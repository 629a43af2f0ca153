package dev.weir.sql;

import dev.weir.core.execution.JobClient;
import dev.weir.sql.exec.SqlJob;
import dev.weir.sql.exec.SqlJobExecutor;
import dev.weir.table.api.TableException;
import dev.weir.table.api.ValidationException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements that set up a table environment's session, kept in the order they ran so that a job for a runtime
 * with its own SQL planner ({@link SqlJobExecutor}: the weir-flink runner and Flink's planner) replays the same
 * statements there. What only Weir can run (its functions, DataStream tables) is remembered too, so such a job is
 * refused before it is submitted, naming it.
 */
final class SessionStatements {
    private static final List<String> ENVIRONMENT_KEYS = List.of("execution.target", "rest.address", "rest.port", "pipeline.jars");

    private final List<String> statements = new ArrayList<>();
    /** What cannot be replayed on another planner, by its name in messages ("function 'f'"), with what it is. */
    private final Map<String, String> weirOnly = new LinkedHashMap<>();

    /** A statement that ran on Weir and would run the same on another planner (CREATE/DROP TABLE and VIEW). */
    void add(String statement) {
        String sql = statement.strip();
        statements.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
    }

    /** A view of a Table API table, replayed as {@code CREATE TEMPORARY VIEW}. */
    void addView(String name, String query) {
        add("CREATE TEMPORARY VIEW `" + name + "` AS " + query);
    }

    void weirFunction(String name) {
        weirOnly.put("function '" + name + "'", "a Weir function (dev.weir.table.functions), which Flink's planner cannot call");
    }

    void dataStreamTable(String name) {
        weirOnly.put("table '" + name + "'", "a table over a Weir DataStream (fromDataStream / createTemporaryView), which "
                + "Flink's planner cannot read");
    }

    /**
     * Hands {@code inserts} with the session's statements to the executor of {@code target}; refuses the job before
     * submission when the session holds what only Weir runs, or no executor runs the target.
     */
    JobClient submit(String target, String jobName, List<String> inserts, StreamExecutionEnvironment bound,
                     Map<String, String> tableConfig) {
        if (!weirOnly.isEmpty()) {
            Map.Entry<String, String> entry = weirOnly.entrySet().iterator().next();
            throw new ValidationException("The SQL job '" + jobName + "' cannot run on execution.target '" + target + "': "
                    + entry.getKey() + " is " + entry.getValue() + "; run the job on Weir (execution.target 'local'), "
                    + "or create it with what Flink has (a Flink function class, a table with a connector)");
        }
        SqlJobExecutor executor = SqlJobExecutor.forTarget(target);
        if (executor == null) {
            throw new ValidationException("execution.target '" + target + "' runs SQL jobs on Flink's planner, and no runner "
                    + "for it is on the class path: add weir-flink with Flink's table planner (flink-table-api-java-bridge, "
                    + "flink-table-planner-loader, flink-table-runtime), or run on Weir (execution.target 'local')");
        }
        try {
            return executor.execute(new SqlJob(jobName, statements, inserts, settings(target, bound, tableConfig)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TableException("Failed to execute sql: the job '" + jobName + "' could not start on execution.target '"
                    + target + "': " + e.getMessage(), e);
        }
    }

    /**
     * The job's settings: the endpoint as `weir run --target flink` sets it (system properties), overridden by the bound
     * environment's configuration and parallelism, overridden by the table config.
     */
    private static Map<String, String> settings(String target, StreamExecutionEnvironment bound, Map<String, String> tableConfig) {
        Map<String, String> settings = new HashMap<>();
        for (String key : ENVIRONMENT_KEYS) {
            if (System.getProperty(key) != null) {
                settings.put(key, System.getProperty(key));
            }
        }
        if (bound != null) {
            settings.putAll(bound.getConfiguration().toMap());
            settings.put("parallelism.default", Integer.toString(bound.getParallelism()));
        }
        settings.putAll(tableConfig);
        settings.put("execution.target", target);
        return settings;
    }
}
