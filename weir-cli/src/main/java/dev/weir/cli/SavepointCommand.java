package dev.weir.cli;

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

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "Directory for the savepoint (default: weir-savepoints, relative to the Weir process).")
    String directory;

    @Override
    public Integer call() throws InterruptedException {
        RestClient client = remote.client();
        String body = directory == null ? "{}" : "{\"target-directory\":\"" + directory.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        String request = RestClient.field(client.post("/jobs/" + job + "/savepoints", body), "request-id");
        System.out.println("Savepoint completed: " + client.awaitSavepoint(job, request));
        return 0;
    }
}
