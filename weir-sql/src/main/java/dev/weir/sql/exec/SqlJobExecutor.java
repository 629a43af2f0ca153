package dev.weir.sql.exec;

import dev.weir.core.execution.JobClient;
import java.util.ServiceLoader;

/**
 * Runs a {@link SqlJob} on a runtime with its own SQL planner, found through {@link ServiceLoader} when a table
 * environment's {@code execution.target} is not {@code local}: the weir-flink runner registers one for Flink's
 * {@code remote} target, so a SQL job's statements go to Flink's planner instead of Weir's.
 */
public interface SqlJobExecutor {
    /** Whether this executor runs SQL jobs whose {@code execution.target} is {@code target}. */
    boolean supportsTarget(String target);

    /** Plans the job's statements and starts it; fails before submission, naming the statement, when they cannot run. */
    JobClient execute(SqlJob job) throws Exception;

    /** The executor registered for {@code target}, or null when none is on the class path. */
    static SqlJobExecutor forTarget(String target) {
        for (SqlJobExecutor executor : ServiceLoader.load(SqlJobExecutor.class, SqlJobExecutor.class.getClassLoader())) {
            if (executor.supportsTarget(target)) {
                return executor;
            }
        }
        return null;
    }
}
