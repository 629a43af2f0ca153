package dev.weir.cli.sql;

import dev.weir.core.execution.JobClient;
import dev.weir.sql.exec.TableauPrinter;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.parse.StatementParser;
import dev.weir.table.api.DataTypes;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.types.Row;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs a client session started, as Flink's {@code SHOW JOBS} and {@code DESCRIBE JOB '<id>'} list them: job id,
 * job name, status and start time (a TIMESTAMP_LTZ(3), shown in the session's {@code table.local-time-zone}). A job's
 * name is the one Flink gives it: {@code pipeline.name} if set, else {@code insert-into_default_catalog.default_database.<sink>}.
 */
final class SessionJobs {
    private static final ResolvedSchema SCHEMA = ResolvedSchema.physical(List.of("job id", "job name", "status", "start time"),
            List.of(DataTypes.STRING(), DataTypes.STRING(), DataTypes.STRING(), DataTypes.TIMESTAMP_LTZ(3)));

    private final Map<String, Local> local = new LinkedHashMap<>();
    private final Map<String, Instant> remoteStarts = new LinkedHashMap<>();

    /** A job this process runs. */
    record Local(JobClient client, String name, Instant startTime) {
    }

    /** Records a job started here by {@code statement} at {@code startTime}. */
    void started(JobClient client, String statement, Map<String, String> session, Instant startTime) {
        local.put(client.getJobID().toString(), new Local(client, name(statement, session), startTime));
    }

    /** Records when the session submitted a job to a remote Weir (the remote Weir names it). */
    void submittedRemotely(String jobId, Instant startTime) {
        remoteStarts.put(jobId, startTime);
    }

    /** The local job {@code id}, or null. */
    Local get(String id) {
        return local.get(id);
    }

    /** Prints every job, local ones first, as {@code SHOW JOBS}. */
    void show(RemoteSession remote, Map<String, String> session, PrintStream out) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String id : local.keySet()) {
            rows.add(row(id, session));
        }
        if (remote != null) {
            for (Row r : remote.rows()) {
                rows.add(Row.of(r.getField(0), r.getField(1), r.getField(2),
                        at(remoteStarts.get((String) r.getField(0)), session)));
            }
        }
        TableauPrinter.printBatch(SCHEMA, rows, out);
    }

    /** Prints the job {@code id} as {@code DESCRIBE JOB}; refuses an id this session did not start. */
    void describe(String id, RemoteSession remote, Map<String, String> session, PrintStream out) throws Exception {
        if (local.containsKey(id)) {
            TableauPrinter.printBatch(SCHEMA, List.of(row(id, session)), out);
            return;
        }
        if (remote != null && remote.has(id)) {
            for (Row r : remote.rows()) {
                if (r.getField(0).equals(id)) {
                    TableauPrinter.printBatch(SCHEMA, List.of(Row.of(id, r.getField(1), r.getField(2),
                            at(remoteStarts.get(id), session))), out);
                    return;
                }
            }
        }
        throw new IllegalArgumentException("No job '" + id + "' was submitted in this session; SHOW JOBS lists them");
    }

    private Row row(String id, Map<String, String> session) throws Exception {
        Local job = local.get(id);
        return Row.of(id, job.name(), String.valueOf(job.client().getJobStatus().get()), at(job.startTime(), session));
    }

    private static LocalDateTime at(Instant instant, Map<String, String> session) {
        if (instant == null) {
            return null;
        }
        String zone = session.getOrDefault("table.local-time-zone", "UTC");
        return LocalDateTime.ofInstant(instant, "default".equalsIgnoreCase(zone) ? ZoneId.systemDefault() : ZoneId.of(zone));
    }

    /** Flink's job name of a statement's job. */
    static String name(String statement, Map<String, String> session) {
        String pipelineName = session.get("pipeline.name");
        if (pipelineName != null) {
            return pipelineName;
        }
        Statement parsed = statement.strip().regionMatches(true, 0, "INSERT", 0, 6) ? StatementParser.parse(statement) : null;
        return parsed instanceof Statement.Insert insert
                ? "insert-into_default_catalog.default_database." + insert.target() : "insert-into statement set";
    }
}
