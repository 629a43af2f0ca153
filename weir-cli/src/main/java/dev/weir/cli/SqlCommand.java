package dev.weir.cli;

import dev.weir.cli.sql.InteractiveShell;
import dev.weir.cli.sql.SqlClient;
import dev.weir.cli.sql.StatementSplitter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code weir sql}: Flink's SQL client on Weir. Interactive by default; {@code -i init.sql} runs a script first
 * (its statements echoed, like {@code -f}); {@code -f script.sql} runs a script and exits, stopping at the first
 * failing statement with exit code 1, results in tableau mode unless the script sets another. Jobs run in this process
 * on the local Weir, with {@code --address} INSERT jobs on a running Weir (SELECT results are then refused), or with
 * {@code --target flink --jobmanager HOST:PORT} on a Flink cluster, planned by Flink's own planner from the same
 * statements.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Runs SQL interactively (statements end with ';'), or a script with -f.")
final class SqlCommand implements Callable<Integer> {
    @Option(names = {"-f", "--file"}, paramLabel = "<script.sql>", description = "Runs the script's statements, then exits.")
    Path file;

    @Option(names = {"-i", "--init"}, paramLabel = "<init.sql>", description = "Runs the script's statements before the session.")
    Path init;

    @Option(names = "--address", paramLabel = "HOST:PORT", description = "Submits INSERT jobs to the Weir running there "
            + "(weir run / weir demo), shown on its dashboard; SELECT results are then not shown (INSERT into a sink instead).")
    String address;

    @Option(names = "--token", defaultValue = "${env:WEIR_REST_TOKEN}",
            description = "The REST token (rest.auth.token) the Weir at --address requires; default: $WEIR_REST_TOKEN.")
    String token;

    @Option(names = "--target", defaultValue = "local", description = "Where INSERT jobs run: local (Weir in this process, the "
            + "default) or flink (the same statements on Flink's own planner and cluster, see --jobmanager).")
    String target;

    @Option(names = "--jobmanager", paramLabel = "HOST:PORT", description = "The Flink cluster's REST address, for --target flink.")
    String jobManager;

    @Override
    public Integer call() throws IOException {
        if (address != null && !"local".equals(target)) {
            System.err.println("weir sql: --address (jobs on a running Weir) and --target " + target + " (jobs on a Flink"
                    + " cluster) exclude each other; give one of them");
            return Weir.FAILED;
        }
        FlinkTarget.configure(target, jobManager, "");
        if (file != null) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            SqlClient client = client(new SqlClient(out, false));
            if (init != null && !runScript(client, init, out)) {
                return Weir.FAILED;
            }
            return runScript(client, file, out) ? 0 : Weir.FAILED;
        }
        try (Terminal terminal = InteractiveShell.terminal()) {
            PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            SqlClient client = client(new SqlClient(out, !Terminal.TYPE_DUMB.equals(terminal.getType())));
            if (init != null) {
                runScript(client, init, out);
            }
            InteractiveShell.run(client, terminal);
        }
        return 0;
    }

    private SqlClient client(SqlClient client) {
        return address == null ? client : client.submittingTo(new RestSqlJobs(address, token));
    }

    /** Runs every statement of {@code script}, echoing each after the prompt; false at the first failure. */
    private static boolean runScript(SqlClient client, Path script, PrintStream out) throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new CliFailure(Weir.MISSING, "SQL script " + script + " does not exist");
        }
        StatementSplitter splitter = new StatementSplitter();
        for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
            for (StatementSplitter.Complete statement : splitter.add(line)) {
                out.println("Weir SQL> " + statement.sql().replace("\n", "\n> ") + ";");
                if (!client.execute(statement.sql())) {
                    out.println("[ERROR] The statement at line " + statement.firstLine() + " of " + script.getFileName()
                            + " failed; the script stops here.");
                    return false;
                }
                if (client.quitRequested()) {
                    return true;
                }
            }
        }
        if (splitter.hasPending()) {
            out.println("[ERROR] The script " + script.getFileName() + " ends inside a statement (a ';' is missing): "
                    + splitter.pending());
            return false;
        }
        return true;
    }
}
