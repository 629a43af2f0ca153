package dev.weir.cli.sql;

import dev.weir.core.execution.JobClient;
import dev.weir.sql.exec.TableauPrinter;
import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.ResultKind;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.TableResult;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL client's session: runs one statement at a time on a Weir {@link TableEnvironment} and prints what Flink's
 * SQL client prints ({@code [INFO] ...}, result tables, {@code [ERROR] Could not execute SQL statement. Reason: ...}
 * with a caret under the place an error names). Client commands ({@code HELP}, {@code SET}/{@code RESET},
 * {@code SHOW JOBS}, {@code DESCRIBE JOB}, {@code STOP JOB}, {@code QUIT}) are handled here, everything else by the environment. A bad
 * statement never ends the session. With {@link #submittingTo} INSERT jobs run on a running Weir instead.
 */
public final class SqlClient {
    static final String RESULT_MODE = "sql-client.execution.result-mode";
    private static final Pattern SET = Pattern.compile("(?is)SET\\s+'([^']+)'\\s*=\\s*'([^']*)'");
    private static final Pattern RESET = Pattern.compile("(?is)RESET\\s+'([^']+)'");
    private static final Pattern DESCRIBE_JOB = Pattern.compile("(?is)DESC(?:RIBE)?\\s+JOB\\s+'([^']+)'");
    private static final Pattern STOP_JOB = Pattern.compile("(?is)STOP\\s+JOB\\s+'([^']+)'(\\s+WITH\\s+SAVEPOINT)?(\\s+WITH\\s+DRAIN)?");

    private final PrintStream out;
    private final ResultView view;
    private TableEnvironment env;
    private final Map<String, String> session = new LinkedHashMap<>();
    private final SessionJobs jobs = new SessionJobs();
    private volatile CloseableIterator<Row> running;
    private boolean quit;
    private final String defaultMode;
    private RemoteSession remote;

    /** {@code terminal}: the output is a terminal (results may redraw in place), else a script's output (tableau). */
    public SqlClient(PrintStream out, boolean terminal) {
        this.out = out;
        this.defaultMode = terminal ? ResultView.TABLE : ResultView.TABLEAU;
        this.view = new ResultView(out, terminal);
        this.env = newEnvironment();
    }

    private TableEnvironment newEnvironment() {
        TableEnvironment created = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        for (Map.Entry<String, String> e : session.entrySet()) {
            created.getConfig().set(e.getKey(), e.getValue());
        }
        return created;
    }

    /** INSERT jobs go to {@code jobs}, a running Weir, instead of this process; SELECT results are then refused. */
    public SqlClient submittingTo(RemoteJobs jobs) {
        this.remote = new RemoteSession(jobs);
        return this;
    }

    /** Whether QUIT or EXIT was entered. */
    public boolean quitRequested() {
        return quit;
    }

    /** Stops the result being shown (Ctrl-C): its job is cancelled and the prompt comes back. */
    public void interrupt() {
        CloseableIterator<Row> current = running;
        if (current != null) {
            try {
                current.close();
            } catch (Exception ignored) {
                // Closing cancels the job; a failure to cancel leaves nothing the user could act on here.
            }
        }
    }

    /** Runs one statement (without its {@code ;}); false if it failed, after printing why. */
    public boolean execute(String sql) {
        try {
            run(sql.strip());
            return true;
        } catch (Exception | LinkageError e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getMessage() != null && cause.getCause().getMessage() != null
                    && cause.getMessage().contains(cause.getCause().getMessage())) {
                cause = cause.getCause();
            }
            out.println("[ERROR] Could not execute SQL statement. Reason:");
            out.println(cause.getClass().getName() + ": " + cause.getMessage());
            String caret = ErrorCaret.of(sql.strip(), cause.getMessage());
            if (!caret.isEmpty()) {
                out.print(caret);
            }
            out.println();
            out.flush();
            return false;
        }
    }

    private void run(String sql) throws Exception {
        String upper = sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m;
        if (upper.equals("HELP")) {
            out.println(ClientHelp.TEXT);
        } else if (upper.equals("QUIT") || upper.equals("EXIT")) {
            quit = true;
            out.println("Shutting down the session...\ndone.");
        } else if (upper.equals("CLEAR")) {
            out.print("\033[H\033[2J");
        } else if (upper.equals("SET")) {
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, String> e : session.entrySet()) {
                rows.add(Row.of(e.getKey(), e.getValue()));
            }
            TableauPrinter.printBatch(ResolvedSchema.physical(List.of("key", "value"),
                    List.of(dev.weir.table.api.DataTypes.STRING(), dev.weir.table.api.DataTypes.STRING())), rows, out);
        } else if ((m = SET.matcher(sql)).matches()) {
            set(m.group(1), m.group(2));
            out.println("[INFO] Execute statement succeeded.");
        } else if (upper.equals("RESET")) {
            session.clear();
            env = newEnvironmentKeepingCatalog();
            out.println("[INFO] All session properties have been set to their default values.");
        } else if ((m = RESET.matcher(sql)).matches()) {
            session.remove(m.group(1));
            env.getConfig().getConfiguration().removeKey(m.group(1));
            out.println("[INFO] Session property has been reset.");
        } else if (upper.equals("SHOW JOBS")) {
            jobs.show(remote, session, out);
        } else if ((m = DESCRIBE_JOB.matcher(sql)).matches()) {
            jobs.describe(m.group(1), remote, session, out);
        } else if ((m = STOP_JOB.matcher(sql)).matches()) {
            stopJob(m.group(1), m.group(2) != null, m.group(3) != null);
        } else {
            statement(sql, upper);
        }
        out.println();
        out.flush();
    }

    private void set(String key, String value) {
        if (key.equals(RESULT_MODE) && !List.of(ResultView.TABLE, ResultView.CHANGELOG, ResultView.TABLEAU)
                .contains(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for '" + RESULT_MODE
                    + "'; use 'table', 'changelog' or 'tableau'");
        }
        session.put(key, value);
        env.getConfig().set(key, value);
    }

    /** RESET keeps the tables, views and functions, as Flink's does: only the options return to their defaults. */
    private TableEnvironment newEnvironmentKeepingCatalog() {
        for (String key : new ArrayList<>(env.getConfig().getConfiguration().keySet())) {
            env.getConfig().getConfiguration().removeKey(key);
        }
        return env;
    }

    private void statement(String sql, String upper) throws Exception {
        if (remote != null && (upper.startsWith("INSERT") || upper.startsWith("EXECUTE"))) {
            if (upper.startsWith("INSERT")) {
                env.explainSql(sql); // planned here first: a mistake shows with its caret, as for a local INSERT
            }
            String id = remote.submit(session, sql);
            jobs.submittedRemotely(id, Instant.now());
            out.println("[INFO] Submitting SQL update statement to the cluster...");
            out.println("[INFO] SQL update statement has been successfully submitted to the cluster:");
            out.println("Job ID: " + id);
            if ("true".equalsIgnoreCase(session.get("table.dml-sync"))) {
                out.println("[INFO] Complete execution of the SQL update statement (" + remote.await(id) + ").");
            }
            return;
        }
        if (remote != null && RemoteSession.isQuery(upper)) {
            throw remote.queryRefused();
        }
        Instant submitted = Instant.now();
        TableResult result = env.executeSql(sql);
        if (remote != null) {
            remote.ran(sql);
        }
        if (upper.startsWith("INSERT") || upper.startsWith("EXECUTE")) {
            JobClient job = result.getJobClient().orElseThrow();
            jobs.started(job, sql, session, submitted);
            out.println("[INFO] Submitting SQL update statement to the cluster...");
            out.println("[INFO] SQL update statement has been successfully submitted to the cluster:");
            out.println("Job ID: " + job.getJobID());
            if ("true".equalsIgnoreCase(session.get("table.dml-sync"))) {
                // Flink's option: the client waits for the INSERT's job, so a script's bounded job runs to its end.
                result.await();
                out.println("[INFO] Complete execution of the SQL update statement.");
            }
            return;
        }
        if (result.getResultKind() == ResultKind.SUCCESS) {
            out.println("[INFO] Execute statement succeeded.");
            return;
        }
        CloseableIterator<Row> rows = result.collect();
        if (upper.startsWith("EXPLAIN") || upper.startsWith("SHOW CREATE")) {
            // As Flink's client: the plan or the DDL as plain text, not in a one-cell table.
            String text = String.valueOf(rows.next().getField(0));
            out.print(upper.startsWith("EXPLAIN") || !text.endsWith("\n") ? text + "\n" : text);
            return;
        }
        if (result.getJobClient().isEmpty()) {
            List<Row> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            TableauPrinter.printBatch(result.getResolvedSchema(), all, out);
            return;
        }
        running = rows;
        try (rows) {
            view.show(result, rows, session.getOrDefault(RESULT_MODE, defaultMode).toLowerCase(Locale.ROOT));
        } finally {
            running = null;
        }
    }

    private void stopJob(String id, boolean withSavepoint, boolean drain) throws Exception {
        SessionJobs.Local job = jobs.get(id);
        if (job == null && remote != null && remote.has(id)) {
            if (withSavepoint) {
                throw new IllegalArgumentException("STOP JOB '" + id + "' WITH SAVEPOINT stops only jobs this client runs"
                        + " itself, not jobs on the Weir at --address; stop it there with a savepoint through its REST API"
                        + " (POST /jobs/" + id + "/stop, as Flink's), or write STOP JOB '" + id + "' to cancel it");
            }
            remote.cancel(id);
            out.println("[INFO] Execute statement succeeded.");
            return;
        }
        if (job == null) {
            throw new IllegalArgumentException("No job '" + id + "' was submitted in this session; SHOW JOBS lists them");
        }
        if (withSavepoint) {
            String path = SavepointStop.stop(job.client(), id, session, drain);
            TableauPrinter.printBatch(ResolvedSchema.physical(List.of("savepoint path"),
                    List.of(dev.weir.table.api.DataTypes.STRING())), List.of(Row.of(path)), out);
            return;
        }
        if (drain) {
            throw new IllegalArgumentException("STOP JOB '" + id + "' WITH DRAIN drains the job into a savepoint; write "
                    + "STOP JOB '" + id + "' WITH SAVEPOINT WITH DRAIN");
        }
        job.client().cancel().get();
        out.println("[INFO] Execute statement succeeded.");
    }
}
