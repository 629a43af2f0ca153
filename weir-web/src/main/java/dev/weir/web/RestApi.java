package dev.weir.web;

import dev.weir.api.common.JobStatus;
import dev.weir.engine.status.CheckpointRecord;
import dev.weir.engine.status.EdgeInfo;
import dev.weir.engine.status.ExceptionRecord;
import dev.weir.engine.status.JobRegistry;
import dev.weir.engine.status.JobView;
import dev.weir.engine.status.SubtaskSample;
import dev.weir.engine.status.VertexInfo;
import dev.weir.engine.status.WeirVersion;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The REST API, shaped after Flink's where Flink has the endpoint; every answer is JSON. */
final class RestApi {
    static final String VERSION = WeirVersion.get();
    private final JobRegistry registry;
    private final MetricsSampler sampler;
    private final Map<String, CompletableFuture<String>> savepoints = new ConcurrentHashMap<>();

    RestApi(JobRegistry registry, MetricsSampler sampler) {
        this.registry = registry;
        this.sampler = sampler;
    }

    void routes(RoutesConfig r) {
        r.get("/overview", ctx -> json(ctx, overview()));
        r.get("/config", ctx -> json(ctx, map("weir-version", VERSION, "refresh-interval", 1000)));
        r.get("/jobs", ctx -> json(ctx, map("jobs", registry.jobs().stream().map(j -> map("id", j.id(), "status", j.status().name())).toList())));
        r.get("/jobs/overview", ctx -> json(ctx, map("jobs", registry.jobs().stream().map(this::jobSummary).toList())));
        r.get("/jobs/{id}", ctx -> json(ctx, jobDetails(job(ctx))));
        r.patch("/jobs/{id}", this::cancel);
        r.get("/jobs/{id}/vertices/{vid}/watermarks", ctx -> json(ctx, watermarks(job(ctx), ctx.pathParam("vid"))));
        r.get("/jobs/{id}/checkpoints", ctx -> json(ctx, checkpoints(job(ctx))));
        r.get("/jobs/{id}/exceptions", ctx -> json(ctx, exceptions(job(ctx))));
        r.get("/jobs/{id}/history", ctx -> json(ctx, history(job(ctx))));
        r.post("/jobs/{id}/savepoints", ctx -> {
            JobView job = job(ctx);
            String dir = Json.field(ctx.body(), "target-directory");
            boolean cancel = "true".equals(Json.field(ctx.body(), "cancel-job"));
            trigger(ctx, cancel ? job.client().stopWithSavepoint(false, dir) : job.client().triggerSavepoint(dir));
        });
        r.post("/jobs/{id}/stop", ctx -> {
            JobView job = job(ctx);
            String dir = Json.field(ctx.body(), "targetDirectory");
            boolean drain = "true".equals(Json.field(ctx.body(), "drain"));
            trigger(ctx, job.client().stopWithSavepoint(drain, dir));
        });
        r.get("/jobs/{id}/savepoints/{triggerId}", ctx -> {
            job(ctx);
            CompletableFuture<String> f = savepoints.get(ctx.pathParam("triggerId"));
            if (f == null) {
                throw new NotFound("No savepoint request " + ctx.pathParam("triggerId") + ": POST /jobs/{id}/savepoints returns the request-id to use");
            }
            json(ctx, savepointStatus(f));
        });
        r.get("/alerts", ctx -> json(ctx, map("published", AlertFeed.global().published(), "alerts",
                AlertFeed.global().latest().stream().map(a -> map("seq", a.seq(), "time", a.time(), "text", a.text())).toList())));
        r.exception(NotFound.class, (e, ctx) -> {
            ctx.status(404);
            json(ctx, map("errors", List.of(e.getMessage())));
        });
    }

    /** A job, vertex or request that does not exist. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private JobView job(Context ctx) {
        String id = ctx.pathParam("id");
        JobView job = registry.job(id);
        if (job == null) {
            throw new NotFound("Job " + id + " not found: GET /jobs lists the jobs of this Weir");
        }
        return job;
    }

    private void cancel(Context ctx) {
        JobView job = job(ctx);
        String mode = ctx.queryParam("mode");
        if (mode != null && !mode.equals("cancel")) {
            ctx.status(400);
            json(ctx, map("errors", List.of("Unsupported mode '" + mode + "': use PATCH /jobs/{id}?mode=cancel, or POST /jobs/{id}/stop")));
            return;
        }
        job.client().cancel();
        ctx.status(202);
        json(ctx, map());
    }

    private void trigger(Context ctx, CompletableFuture<String> savepoint) {
        String id = UUID.randomUUID().toString().replace("-", "");
        savepoints.put(id, savepoint);
        ctx.status(202);
        json(ctx, map("request-id", id));
    }

    private static Map<String, Object> savepointStatus(CompletableFuture<String> f) {
        if (!f.isDone()) {
            return map("status", map("id", "IN_PROGRESS"));
        }
        try {
            return map("status", map("id", "COMPLETED"), "operation", map("location", f.join()));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return map("status", map("id", "COMPLETED"), "operation", map("failure-cause", map("class", cause.getClass().getName(),
                    "stack-trace", String.valueOf(cause.getMessage()))));
        }
    }

    private Map<String, Object> overview() {
        int running = 0;
        int finished = 0;
        int cancelled = 0;
        int failed = 0;
        for (JobView j : registry.jobs()) {
            switch (j.status()) {
                case FINISHED -> finished++;
                case CANCELED -> cancelled++;
                case FAILED -> failed++;
                default -> running++;
            }
        }
        return map("weir-version", VERSION, "taskmanagers", 1, "slots-total", Runtime.getRuntime().availableProcessors(),
                "jobs-running", running, "jobs-finished", finished, "jobs-cancelled", cancelled, "jobs-failed", failed);
    }

    private Map<String, Object> jobSummary(JobView j) {
        long end = j.endTime();
        return map("jid", j.id(), "name", j.name(), "state", j.status().name(), "start-time", j.startTime(), "end-time", end,
                "duration", (end < 0 ? System.currentTimeMillis() : end) - j.startTime());
    }

    private Map<String, Object> jobDetails(JobView j) {
        Map<String, Object> m = jobSummary(j);
        m.put("now", System.currentTimeMillis());
        MetricsSampler.Point p = sampler.history(j.id()).latest;
        List<Object> vertices = new ArrayList<>();
        List<VertexInfo> vs = j.vertices();
        for (int v = 0; v < vs.size(); v++) {
            VertexInfo info = vs.get(v);
            SubtaskSample[] samples = j.sample(v);
            long in = 0;
            long out = 0;
            long low = Long.MAX_VALUE;
            for (SubtaskSample s : samples) {
                in += s.recordsIn();
                out += s.recordsOut();
                low = Math.min(low, s.watermark());
            }
            boolean known = p != null && p.inRate().length == vs.size();
            vertices.add(map("id", info.id(), "name", info.name(), "parallelism", info.parallelism(),
                    "maxParallelism", info.maxParallelism(), "status", j.vertexStatus(v).name(), "operators", info.operators(),
                    "watermark", low,
                    "metrics", map("read-records", in, "write-records", out,
                            "read-records-per-second", known ? p.inRate()[v] : 0.0,
                            "write-records-per-second", known ? p.outRate()[v] : 0.0,
                            "backpressure-ratio", known ? p.backpressure()[v] : 0.0)));
        }
        m.put("vertices", vertices);
        List<Object> edges = new ArrayList<>();
        for (EdgeInfo e : j.edges()) {
            edges.add(map("source", e.source(), "target", e.target(), "ship_strategy", e.partitioning(), "side_output", e.sideOutput()));
        }
        m.put("edges", edges);
        List<Object> nodes = new ArrayList<>();
        for (VertexInfo info : vs) {
            List<Object> inputs = new ArrayList<>();
            int num = 0;
            for (EdgeInfo e : j.edges()) {
                if (e.target().equals(info.id())) {
                    inputs.add(map("num", num++, "id", e.source(), "ship_strategy", e.partitioning(), "exchange", "pipelined_bounded"));
                }
            }
            nodes.add(map("id", info.id(), "parallelism", info.parallelism(), "description", info.name(), "inputs", inputs));
        }
        m.put("plan", map("jid", j.id(), "name", j.name(), "nodes", nodes));
        return m;
    }

    private List<Object> watermarks(JobView j, String vertexId) {
        List<VertexInfo> vs = j.vertices();
        for (int v = 0; v < vs.size(); v++) {
            if (vs.get(v).id().equals(vertexId)) {
                List<Object> out = new ArrayList<>();
                for (SubtaskSample s : j.sample(v)) {
                    out.add(map("id", s.subtask() + ".currentInputWatermark", "value", Long.toString(s.watermark())));
                }
                return out;
            }
        }
        throw new NotFound("Vertex " + vertexId + " not found in job " + j.id() + ": GET /jobs/" + j.id() + " lists its vertices");
    }

    private Map<String, Object> checkpoints(JobView j) {
        List<CheckpointRecord> all = j.checkpoints();
        int completed = 0;
        int failed = 0;
        int inProgress = 0;
        CheckpointRecord latest = null;
        List<Object> history = new ArrayList<>();
        for (CheckpointRecord c : all) {
            switch (c.status()) {
                case "COMPLETED" -> {
                    completed++;
                    latest = c;
                }
                case "FAILED" -> failed++;
                default -> inProgress++;
            }
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            history.add(checkpoint(all.get(i)));
        }
        return map("counts", map("completed", completed, "failed", failed, "in_progress", inProgress, "total", all.size()),
                "latest", map("completed", latest == null ? null : checkpoint(latest)), "history", history);
    }

    private static Map<String, Object> checkpoint(CheckpointRecord c) {
        return map("id", c.id(), "status", c.status(), "is_savepoint", c.savepoint(), "trigger_timestamp", c.triggerTime(),
                "end_to_end_duration", c.durationMillis(), "state_size", c.sizeBytes(), "external_path", c.path(),
                "failure_message", c.failure());
    }

    private Map<String, Object> exceptions(JobView j) {
        List<ExceptionRecord> all = j.exceptions();
        List<Object> entries = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            ExceptionRecord e = all.get(i);
            entries.add(map("exceptionName", e.message(), "stacktrace", e.stackTrace(), "timestamp", e.time(), "attempt", e.attempt()));
        }
        ExceptionRecord root = all.isEmpty() ? null : all.get(all.size() - 1);
        return map("root-exception", root == null ? null : root.stackTrace(), "timestamp", root == null ? null : root.time(),
                "exceptionHistory", map("entries", entries, "truncated", false));
    }

    private Map<String, Object> history(JobView j) {
        List<Object> points = new ArrayList<>();
        for (MetricsSampler.Point p : sampler.history(j.id()).points()) {
            List<Object> wm = new ArrayList<>();
            for (long[] v : p.watermarks()) {
                List<Object> subtasks = new ArrayList<>();
                for (long w : v) {
                    subtasks.add(w);
                }
                wm.add(subtasks);
            }
            points.add(map("time", p.time(), "in", doubles(p.inRate()), "out", doubles(p.outRate()),
                    "backpressure", doubles(p.backpressure()), "watermarks", wm));
        }
        return map("vertices", j.vertices().stream().map(VertexInfo::id).toList(), "points", points);
    }

    private static List<Object> doubles(double[] values) {
        List<Object> out = new ArrayList<>();
        for (double d : values) {
            out.add(Math.round(d * 1000) / 1000.0);
        }
        return out;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
    }

    static boolean isRunning(JobStatus s) {
        return !s.isGloballyTerminalState();
    }
}
