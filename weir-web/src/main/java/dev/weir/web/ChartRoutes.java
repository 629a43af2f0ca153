package dev.weir.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.web.dashboard.DashboardPanel;
import dev.weir.web.dashboard.DashboardPanels;
import dev.weir.web.rest.RestJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The chart pages of {@link dev.weir.web.dashboard.DashboardSink}s: {@code /charts} lists the panels, {@code
 * /charts/<name>} is a panel's page, {@code /charts/<name>/snapshot} its data as JSON, and {@code /charts/<name>/events}
 * pushes that data to the page as server-sent events every {@code pushMillis}, from one timer thread for all pages.
 */
final class ChartRoutes implements AutoCloseable {
    private final DashboardPanels panels;
    private final ObjectMapper json = RestJson.server();
    private final Map<SseClient, String> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pusher;
    private final String page;

    ChartRoutes(DashboardPanels panels, long pushMillis) {
        this.panels = panels;
        this.page = resource("/dev/weir/web/charts/chart.html");
        this.pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weir-chart-events");
            t.setDaemon(true);
            return t;
        });
        pusher.scheduleWithFixedDelay(this::pushAll, pushMillis, pushMillis, TimeUnit.MILLISECONDS);
    }

    private static String resource(String path) {
        try (InputStream in = ChartRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("weir-web is missing its resource " + path + "; rebuild weir-web");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + path, e);
        }
    }

    void routes(RoutesConfig r) {
        r.get("/charts", ctx -> ctx.json(panels.all().stream().map(p -> Map.of("name", p.name())).toList()));
        r.get("/charts/{name}", ctx -> ctx.html(page));
        r.get("/charts/{name}/snapshot", ctx -> ctx.json(panel(ctx.pathParam("name")).snapshot()));
        r.sse("/charts/{name}/events", client -> {
            String name = client.ctx().pathParam("name");
            panel(name);
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            clients.put(client, name);
            push(client, name);
        });
    }

    private DashboardPanel panel(String name) {
        DashboardPanel panel = panels.get(name);
        if (panel == null) {
            List<String> names = panels.all().stream().map(DashboardPanel::name).toList();
            throw new RestApi.Refused(404, "No dashboard panel '" + name + "'; the panels are " + names
                    + " (a job creates one with stream.sinkTo(DashboardSink.lineChart(\"" + name + "\")...))");
        }
        return panel;
    }

    private void pushAll() {
        for (Map.Entry<SseClient, String> e : clients.entrySet()) {
            push(e.getKey(), e.getValue());
        }
    }

    private void push(SseClient client, String name) {
        DashboardPanel panel = panels.get(name);
        if (panel == null || client.terminated()) {
            return;
        }
        try {
            client.sendEvent("snapshot", json.writeValueAsString(panel.snapshot()));
        } catch (JsonProcessingException | RuntimeException e) {
            // A page that went away; its onClose removes it.
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        for (SseClient client : clients.keySet()) {
            client.close();
        }
        clients.clear();
    }
}
