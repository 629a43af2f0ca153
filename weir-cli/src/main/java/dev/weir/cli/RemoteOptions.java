package dev.weir.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --address} of the Weir the remote commands talk to, and the REST token it may require; or, with
 * {@code --target flink}, the Flink JobManager ({@code --jobmanager}, as for {@code weir run}), which answers the
 * same REST calls.
 */
final class RemoteOptions {
    @Option(names = {"-a", "--address", "--jobmanager"}, defaultValue = "localhost:8081",
            description = "HOST:PORT of the Weir REST API, or of the Flink JobManager's with --target flink (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--target", defaultValue = "local",
            description = "local: a running Weir; flink: a Flink cluster's JobManager, whose REST API has the same shape (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--token", defaultValue = "${env:WEIR_REST_TOKEN}",
            description = "The REST token (rest.auth.token) a Weir listening beyond this machine requires; default: $WEIR_REST_TOKEN.")
    String token;

    RestClient client() {
        if (!"local".equals(target) && !"flink".equals(target)) {
            throw new CliFailure(2, "--target must be local or flink; got '" + target + "'");
        }
        return new RestClient(address, token, "flink".equals(target) ? "Flink JobManager" : "Weir");
    }
}
