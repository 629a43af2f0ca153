package dev.weir.cli;

import dev.weir.web.WebServer;

/** Starts the dashboard for the commands that run jobs, turning a taken port into the CLI's failure. */
final class Dashboard {
    private Dashboard() {
    }

    static WebServer start(int port) {
        try {
            WebServer server = WebServer.start(port);
            System.out.println("Weir dashboard: http://localhost:" + server.port());
            return server;
        } catch (WebServer.PortInUseException e) {
            throw new CliFailure(Weir.PORT_IN_USE, e.getMessage());
        }
    }
}
