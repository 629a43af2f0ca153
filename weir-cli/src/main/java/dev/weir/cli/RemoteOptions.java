package dev.weir.cli;

import picocli.CommandLine.Option;

/** The {@code --address} of the Weir the remote commands talk to, and the REST token it may require. */
final class RemoteOptions {
    @Option(names = {"-a", "--address"}, defaultValue = "localhost:8081", description = "HOST:PORT of the Weir REST API (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--token", defaultValue = "${env:WEIR_REST_TOKEN}",
            description = "The REST token (rest.auth.token) a Weir listening beyond this machine requires; default: $WEIR_REST_TOKEN.")
    String token;

    RestClient client() {
        return new RestClient(address, token);
    }
}
