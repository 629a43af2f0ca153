package dev.weir.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code weir cancel JOB}. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a running job (no savepoint).")
final class CancelCommand implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Parameters(paramLabel = "JOB", description = "The job's id, as `weir list` shows it.")
    String job;

    @Override
    public Integer call() {
        remote.client().patch("/jobs/" + job + "?mode=cancel");
        System.out.println("Cancellation of job " + job + " requested.");
        return 0;
    }
}
