package dev.weir.cli;

import dev.weir.web.rest.RestMessages.StopWithSavepointRequest;
import dev.weir.web.rest.RestMessages.TriggerResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weir stop JOB [DIR]}: stop with a savepoint. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops a running job with a savepoint and prints its path.")
final class StopCommand implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Parameters(index = "0", paramLabel = "JOB", description = "The job's id, as `weir list` shows it.")
    String job;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "Folder for the savepoint, under the Weir's savepoint root (state.savepoints.dir, default weir-savepoints).")
    String directory;

    @Option(names = {"-d", "--drain"}, description = "Emit the final watermark first, so every event-time window fires.")
    boolean drain;

    @Override
    public Integer call() throws InterruptedException {
        RestClient client = remote.client();
        String request = client.post("/jobs/" + job + "/stop", new StopWithSavepointRequest(directory, drain), TriggerResponse.class).requestId();
        System.out.println("Job " + job + " stopped with savepoint: " + client.awaitSavepoint(job, request));
        return 0;
    }
}
