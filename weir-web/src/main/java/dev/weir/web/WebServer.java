package dev.weir.web;

import dev.weir.engine.status.JobRegistry;
import dev.weir.web.dashboard.DashboardPanels;
import dev.weir.web.rest.RestJson;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The dashboard, the REST API and {@code /metrics} for the jobs of this JVM, on one port (8081 by default), listening
 * on 127.0.0.1 unless told otherwise ({@link RestSettings}): Flink advises never to expose its REST port, and Weir's
 * would let anyone who reaches it stop jobs and write savepoints.
 */
public final class WebServer implements AutoCloseable {
    /** Flink's and Weir's dashboard port. */
    public static final int DEFAULT_PORT = 8081;
    private static final long STOP_READ_GRACE_MILLIS = 5000;
    /** How often a chart page gets its panel's data. */
    private static final long CHART_PUSH_MILLIS = 500;
    private static final System.Logger LOG = System.getLogger(WebServer.class.getName());
    private final Javalin app;
    private final MetricsSampler sampler;
    private final RestSettings settings;
    private final RestApi api;
    private final ChartRoutes charts;

    private WebServer(Javalin app, MetricsSampler sampler, RestSettings settings, RestApi api, ChartRoutes charts) {
        this.app = app;
        this.sampler = sampler;
        this.settings = settings;
        this.api = api;
        this.charts = charts;
    }

    /** Starts serving on {@code port} (0 picks a free one) with the settings of the system properties. */
    public static WebServer start(int port) {
        return start(RestSettings.fromSystemProperties(port));
    }

    /** As {@link #start(int)}, sampling the jobs' counters every {@code sampleMillis}. */
    public static WebServer start(int port, long sampleMillis) {
        return start(RestSettings.fromSystemProperties(port).withSampleMillis(sampleMillis));
    }

    /**
     * Starts serving as {@code given} says; fails with {@link PortInUseException} when the port is taken. Listening
     * beyond loopback logs a warning and, without a configured token, generates one ({@link #authToken()}).
     */
    public static WebServer start(RestSettings given) {
        RestSettings settings = given.withTokenIfExposed();
        if (!settings.isLoopback()) {
            LOG.log(System.Logger.Level.WARNING, "The REST API listens on " + settings.bindAddress() + ", not only on this machine: "
                    + "whoever reaches port " + settings.port() + " can see jobs, and with the REST token cancel and stop them. "
                    + "Bind to 127.0.0.1 (the default) unless you need it, and keep the port behind a firewall");
        }
        checkFree(settings.bindAddress(), settings.port());
        MetricsSampler sampler = new MetricsSampler(JobRegistry.global(), settings.sampleMillis());
        RestApi api = new RestApi(JobRegistry.global(), sampler, settings);
        ChartRoutes charts = new ChartRoutes(DashboardPanels.global(), CHART_PUSH_MILLIS);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(RestJson.server(), false));
            config.staticFiles.add("/dev/weir/web/dashboard", Location.CLASSPATH);
            api.routes(config.routes);
            charts.routes(config.routes);
            new SqlRoutes().routes(config.routes);
            config.routes.get("/metrics", ctx -> ctx.contentType(PrometheusText.CONTENT_TYPE).result(PrometheusText.render(JobRegistry.global())));
        });
        try {
            app.start(settings.bindAddress(), settings.port());
        } catch (RuntimeException e) {
            sampler.close();
            charts.close();
            if (hasBindException(e)) {
                throw new PortInUseException(settings.port(), e);
            }
            throw e;
        }
        return new WebServer(app, sampler, settings, api, charts);
    }

    private static void checkFree(String bindAddress, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bindAddress, port));
        } catch (IOException e) {
            throw new PortInUseException(port, e);
        }
    }

    private static boolean hasBindException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The address it listens on (127.0.0.1 unless {@code rest.bind-address} or {@code --bind} said otherwise). */
    public String bindAddress() {
        return settings.bindAddress();
    }

    /** The bearer token mutating calls need, or null when none is required. */
    public String authToken() {
        return settings.authToken();
    }

    /** Whether {@link #authToken()} was generated at start-up (so it must be shown, once). */
    public boolean tokenGenerated() {
        return settings.tokenGenerated();
    }

    /** The dashboard's address for a browser: {@code http://host:port/}, with {@code #token=...} when a token is required. */
    public String dashboardUrl() {
        String host = settings.isLoopback() ? "localhost" : settings.address() != null ? settings.address() : settings.bindAddress();
        return "http://" + host + ":" + port() + "/" + (settings.authToken() == null ? "" : "#token=" + settings.authToken());
    }

    /** For tests: how many savepoint requests the REST API keeps. */
    int savepointRequests() {
        return api.savepointRequests();
    }

    /**
     * Stops serving. A client that stopped a job with a savepoint is given up to {@value #STOP_READ_GRACE_MILLIS} ms
     * to read the savepoint's path first: that job's end is often what shuts the server down ({@code weir run}).
     */
    @Override
    public void close() {
        try {
            api.awaitStopsRead(STOP_READ_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampler.close();
        charts.close();
        app.stop();
    }

    /** The port is taken, most likely by another Weir (or Flink) dashboard. */
    public static final class PortInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int port;

        PortInUseException(int port, Throwable cause) {
            super("Port " + port + " is already in use (another Weir or Flink dashboard?): stop the process listening on it "
                    + "(`ss -ltnp 'sport = :" + port + "'` shows which), or pass --port with a free port", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
