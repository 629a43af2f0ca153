package dev.weir.web;

import dev.weir.plan.WebUiLauncher;

/**
 * Serves the dashboard for {@code StreamExecutionEnvironment.createLocalEnvironmentWithWebUI}: registered for
 * {@link java.util.ServiceLoader}, so weir-core finds it when weir-web is on the class path.
 */
public final class WebServerLauncher implements WebUiLauncher {
    @Override
    public AutoCloseable start(int port) {
        return WebServer.start(port);
    }
}
