package dev.weir.cli;

import dev.weir.web.RestSettings;
import dev.weir.web.WebServer;

/** Starts the dashboard for the commands that run jobs, turning a taken port or a bad address into the CLI's failures. */
final class Dashboard {
    private Dashboard() {
    }

    /**
     * Starts it on {@code port}, listening on {@code bind} when given (else {@code rest.bind-address}, else 127.0.0.1);
     * prints its address, and a generated REST token once.
     */
    static WebServer start(int port, String bind) {
        if (port < 0 || port > 65535) {
            throw new CliFailure(2, "--port must be in 0-65535 (0 picks a free port); got " + port);
        }
        RestSettings settings = RestSettings.fromSystemProperties(port);
        if (bind != null) {
            settings = settings.withBindAddress(bind);
        }
        WebServer server;
        try {
            server = WebServer.start(settings);
        } catch (WebServer.PortInUseException e) {
            throw new CliFailure(Weir.PORT_IN_USE, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, e.getMessage());
        }
        System.out.println("Weir dashboard: " + server.dashboardUrl());
        if (server.tokenGenerated()) {
            System.out.println("REST token (generated, shown once; set " + RestSettings.AUTH_TOKEN + " to choose your own): "
                    + server.authToken() + "   e.g. WEIR_REST_TOKEN=" + server.authToken() + " weir stop --address HOST:" + server.port() + " JOB");
        }
        return server;
    }
}
