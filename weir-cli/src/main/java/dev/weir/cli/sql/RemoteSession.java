package dev.weir.cli.sql;

import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a SQL client session sends to a running Weir ({@code weir sql --address}): the DDL it ran (replayed there before
 * each INSERT, as the catalog lives in the client, like Flink's embedded SQL client) and the jobs it started there.
 * Each INSERT job is named by its SQL ({@code pipeline.name}, unless the session set one), so the remote dashboard
 * shows it. Query results are not collected from a remote Weir: a SELECT is refused, naming what to write instead.
 */
final class RemoteSession {
    private final RemoteJobs remote;
    private final List<String> setup = new ArrayList<>();
    private final Map<String, String> jobs = new LinkedHashMap<>();

    RemoteSession(RemoteJobs remote) {
        this.remote = remote;
    }

    /** Whether {@code upper} (the statement in upper case) is a query whose rows would be shown. */
    static boolean isQuery(String upper) {
        return upper.startsWith("SELECT") || upper.startsWith("WITH") || upper.startsWith("VALUES") || upper.startsWith("(");
    }

    UnsupportedOperationException queryRefused() {
        return new UnsupportedOperationException("SELECT results are not collected from a remote Weir (--address "
                + remote.address() + "): write INSERT INTO a sink table (print, filesystem, kafka, ...) to run the query "
                + "there, or start `weir sql` without --address to see the rows here");
    }

    /** Keeps a statement the session ran successfully if it changes the catalog, to replay it remotely. */
    void ran(String sql) {
        if (SqlJobs.isSetup(sql)) {
            setup.add(sql);
        }
    }

    /** Starts {@code insert} on the remote Weir with the session's options; the job's id. */
    String submit(Map<String, String> options, String insert) {
        Map<String, String> configuration = new LinkedHashMap<>(options);
        configuration.putIfAbsent("pipeline.name", insert.replaceAll("\\s+", " "));
        List<String> statements = new ArrayList<>(setup);
        statements.add(insert);
        String id = remote.submit(configuration, statements);
        jobs.put(id, insert);
        return id;
    }

    /** Waits until the job ends ({@code table.dml-sync}); its final status. */
    String await(String jobId) throws InterruptedException {
        while (true) {
            String status = remote.status(jobId);
            if (List.of("FINISHED", "FAILED", "CANCELED").contains(status.toUpperCase(Locale.ROOT))) {
                return status;
            }
            Thread.sleep(100);
        }
    }

    boolean has(String jobId) {
        return jobs.containsKey(jobId);
    }

    void cancel(String jobId) {
        remote.cancel(jobId);
    }

    /** SHOW JOBS rows for the remote jobs: id, statement, status. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : jobs.entrySet()) {
            rows.add(Row.of(e.getKey(), e.getValue(), remote.status(e.getKey())));
        }
        return rows;
    }
}
