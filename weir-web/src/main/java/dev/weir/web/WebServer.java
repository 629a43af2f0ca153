package dev.weir.web;

import dev.weir.engine.status.JobRegistry;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The dashboard, the REST API and {@code /metrics} for the jobs of this JVM, on one port (8081 by default). */
public final class WebServer implements AutoCloseable {
    /** Flink's and Weir's dashboard port. */
    public static final int DEFAULT_PORT = 8081;
    private final Javalin app;
    private final MetricsSampler sampler;

    private WebServer(Javalin app, MetricsSampler sampler) {
        this.app = app;
        this.sampler = sampler;
    }

    /** Starts serving on {@code port} (0 picks a free one); fails with {@link PortInUseException} when it is taken. */
    public static WebServer start(int port) {
        return start(port, 1000);
    }

    /** As {@link #start(int)}, sampling the jobs' counters every {@code sampleMillis}. */
    public static WebServer start(int port, long sampleMillis) {
        checkFree(port);
        MetricsSampler sampler = new MetricsSampler(JobRegistry.global(), sampleMillis);
        RestApi api = new RestApi(JobRegistry.global(), sampler);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.add("/dev/weir/web/dashboard", Location.CLASSPATH);
            api.routes(config.routes);
            config.routes.get("/metrics", ctx -> ctx.contentType(PrometheusText.CONTENT_TYPE).result(PrometheusText.render(JobRegistry.global())));
        });
        try {
            app.start(port);
        } catch (RuntimeException e) {
            sampler.close();
            if (hasBindException(e)) {
                throw new PortInUseException(port, e);
            }
            throw e;
        }
        return new WebServer(app, sampler);
    }

    private static void checkFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
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

    @Override
    public void close() {
        sampler.close();
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
