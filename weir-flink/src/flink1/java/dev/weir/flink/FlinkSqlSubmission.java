package dev.weir.flink;

import dev.weir.core.execution.JobClient;
import dev.weir.sql.exec.SqlJob;
import dev.weir.table.api.ValidationException;

/** Flink 1.20's side of SQL jobs: not built; weir-flink hands SQL to Flink 2.x's planner only. */
final class FlinkSqlSubmission {
    private FlinkSqlSubmission() {
    }

    static JobClient submit(SqlJob job) {
        throw new ValidationException("The SQL job '" + job.jobName() + "' cannot run on Flink 1.20 (weir-flink1): SQL jobs "
                + "are handed to Flink's planner on Flink 2.3 only (weir-flink); run it on a Flink 2.3 cluster, or on Weir "
                + "(execution.target 'local')");
    }
}
