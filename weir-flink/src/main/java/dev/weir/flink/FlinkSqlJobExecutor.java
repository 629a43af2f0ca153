package dev.weir.flink;

import dev.weir.core.execution.JobClient;
import dev.weir.sql.exec.SqlJob;
import dev.weir.sql.exec.SqlJobExecutor;
import dev.weir.table.api.ValidationException;

/**
 * Runs a Weir SQL job on Apache Flink with Flink's own planner: a table environment whose {@code execution.target}
 * is {@value FlinkPipelineExecutor#REMOTE_TARGET} (or {@value FlinkPipelineExecutor#MINICLUSTER_TARGET}) finds it
 * through {@link java.util.ServiceLoader} and hands it the same statements it ran (SET, CREATE TABLE and VIEW) and
 * the job's INSERTs. Flink's table planner must be on the class path; this class loads without it.
 */
public final class FlinkSqlJobExecutor implements SqlJobExecutor {
    @Override
    public boolean supportsTarget(String target) {
        return FlinkPipelineExecutor.REMOTE_TARGET.equals(target) || FlinkPipelineExecutor.MINICLUSTER_TARGET.equals(target);
    }

    @Override
    public JobClient execute(SqlJob job) throws Exception {
        try {
            return FlinkSqlSubmission.submit(job);
        } catch (NoClassDefFoundError e) {
            throw new ValidationException("Running SQL on Apache Flink needs Flink's table planner on the class path, and "
                    + e.getMessage() + " is missing: add org.apache.flink:flink-table-api-java-bridge, "
                    + "flink-table-planner-loader and flink-table-runtime of the cluster's version", e);
        }
    }
}
