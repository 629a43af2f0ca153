package dev.weir.cli;

import dev.weir.web.rest.RestMessages.SavepointTriggerRequest;
import dev.weir.web.rest.RestMessages.TriggerResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code weir savepoint JOB [DIR]}. */
@Command(name = "savepoint", mixinStandardHelpOptions = true, description = "Takes a savepoint of a running job and prints its path.")
final class SavepointCommand implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Parameters(index = "0", paramLabel = "JOB", description = "The job's id, as `weir list` shows it.")
    String job;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "Folder for the savepoint, under the Weir's savepoint root (state.savepoints.dir, default weir-savepoints in its working directory).")
    String directory;

    @Override
    public Integer call() throws InterruptedException {
        RestClient client = remote.client();
        String request = client.post("/jobs/" + job + "/savepoints", new SavepointTriggerRequest(directory, false), TriggerResponse.class).requestId();
        System.out.println("Savepoint completed: " + client.awaitSavepoint(job, request));
        return 0;
    }
}
