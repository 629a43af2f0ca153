package dev.weir.cli;

import dev.weir.engine.status.WeirVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code weir} command. Exit codes: 0 done; 1 the job failed or Weir refused the request; 2 bad command line;
 * 3 missing jar or class, or a class without {@code main}; 4 port in use; 5 no Weir reachable at the address;
 * 6 no such job.
 */
@Command(name = "weir", mixinStandardHelpOptions = true, versionProvider = Weir.Version.class,
        description = "Runs Weir jobs with the dashboard on http://localhost:8081 and talks to a running Weir.",
        subcommands = {DemoCommand.class, RunCommand.class, ListCommand.class, CancelCommand.class, SavepointCommand.class,
                StopCommand.class, SqlCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the job failed, or Weir refused the request", "2:bad command line",
                "3:missing jar or class, or a class without main", "4:port in use", "5:no Weir reachable at --address",
                "6:no such job"},
        footer = {"%nThe JVM's heap is bounded: 1g unless the first argument is --heap SIZE (weir --heap 4g run job.jar) or",
                "the environment sets WEIR_HEAP; WEIR_JAVA_OPTS adds other JVM options."})
public final class Weir implements Runnable {
    static final int FAILED = 1;
    static final int MISSING = 3;
    static final int PORT_IN_USE = 4;
    static final int UNREACHABLE = 5;
    static final int NO_SUCH_JOB = 6;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code weir --version}: the version the build wrote into weir-core. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"weir " + WeirVersion.get()};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try `weir demo`, or `weir --help`");
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Weir());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliFailure f) {
                commandLine.getErr().println("weir: " + f.getMessage());
                return f.exitCode();
            }
            throw e;
        });
        // As with `flink run [OPTIONS] <jar> <arguments>`: everything after the job's jar or class is the job's own
        // (Flink's SocketWindowWordCount takes --port), never an option of weir run.
        cl.getSubcommands().get("run").setStopAtPositional(true);
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
