package dev.weir.cli;

import picocli.CommandLine.Option;

/** The {@code --address} of the Weir the remote commands talk to. */
final class RemoteOptions {
    @Option(names = {"-a", "--address"}, defaultValue = "localhost:8081", description = "HOST:PORT of the Weir REST API (default: ${DEFAULT-VALUE}).")
    String address;

    RestClient client() {
        return new RestClient(address);
    }
}
