package dev.weir.sql.exec;

import java.util.List;
import java.util.Map;

/**
 * A SQL job as the statements that make it, for a runtime that plans SQL itself (the weir-flink runner hands them to
 * Flink's own planner): the session's statements in the order they ran ({@code CREATE TABLE}, {@code CREATE VIEW},
 * {@code DROP}), then the job's {@code INSERT} statements (one, or a statement set's), and the job's settings
 * ({@code execution.target}, {@code rest.address}, {@code rest.port}, {@code pipeline.jars},
 * {@code parallelism.default} and the table configuration with what {@code SET} set, by Flink's keys).
 */
public record SqlJob(String jobName, List<String> session, List<String> inserts, Map<String, String> settings) {
    public SqlJob {
        session = List.copyOf(session);
        inserts = List.copyOf(inserts);
        settings = Map.copyOf(settings);
    }
}
