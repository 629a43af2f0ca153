package dev.weir.plan;

/**
 * Starts the dashboard for {@code StreamExecutionEnvironment.createLocalEnvironmentWithWebUI}. The API finds the
 * implementation through {@link java.util.ServiceLoader}: weir-web registers one, and weir-core must not depend on
 * weir-web, so without it on the class path the job runs without a dashboard.
 */
public interface WebUiLauncher {
    /**
     * Starts serving the REST API and dashboard on the port and returns what stops it.
     *
     * @throws RuntimeException if the port is taken, naming it
     */
    AutoCloseable start(int port);
}
