package dev.weir.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.weir.engine.status.CheckpointHistory;
import dev.weir.engine.status.CheckpointRecord;
import dev.weir.engine.status.EdgeInfo;
import dev.weir.engine.status.ExceptionRecord;
import dev.weir.engine.status.JobRegistry;
import dev.weir.engine.status.JobView;
import dev.weir.engine.status.SubtaskSample;
import dev.weir.engine.status.VertexInfo;
import dev.weir.web.rest.RestJson;
import dev.weir.web.rest.RestMessages.Alert;
import dev.weir.web.rest.RestMessages.Alerts;
import dev.weir.web.rest.RestMessages.CheckpointCounts;
import dev.weir.web.rest.RestMessages.CheckpointStatistics;
import dev.weir.web.rest.RestMessages.CheckpointingStatistics;
import dev.weir.web.rest.RestMessages.ClusterOverview;
import dev.weir.web.rest.RestMessages.DashboardConfiguration;
import dev.weir.web.rest.RestMessages.Edge;
import dev.weir.web.rest.RestMessages.ErrorResponse;
import dev.weir.web.rest.RestMessages.ExceptionEntry;
import dev.weir.web.rest.RestMessages.ExceptionHistory;
import dev.weir.web.rest.RestMessages.FailureCause;
import dev.weir.web.rest.RestMessages.JobDetails;
import dev.weir.web.rest.RestMessages.JobExceptionsInfo;
import dev.weir.web.rest.RestMessages.JobIdWithStatus;
import dev.weir.web.rest.RestMessages.JobIdsWithStatusOverview;
import dev.weir.web.rest.RestMessages.JobSummary;
import dev.weir.web.rest.RestMessages.LatestCheckpoints;
import dev.weir.web.rest.RestMessages.Metric;
import dev.weir.web.rest.RestMessages.MetricsHistory;
import dev.weir.web.rest.RestMessages.MetricsPoint;
import dev.weir.web.rest.RestMessages.MultipleJobsDetails;
import dev.weir.web.rest.RestMessages.Plan;
import dev.weir.web.rest.RestMessages.PlanInput;
import dev.weir.web.rest.RestMessages.PlanNode;
import dev.weir.web.rest.RestMessages.QueueStatus;
import dev.weir.web.rest.RestMessages.SavepointOperation;
import dev.weir.web.rest.RestMessages.SavepointStatus;
import dev.weir.web.rest.RestMessages.SavepointTriggerRequest;
import dev.weir.web.rest.RestMessages.StopWithSavepointRequest;
import dev.weir.web.rest.RestMessages.TriggerResponse;
import dev.weir.web.rest.RestMessages.VertexDetails;
import dev.weir.web.rest.RestMessages.VertexMetrics;
import dev.weir.engine.status.WeirVersion;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The REST API, shaped after Flink's where Flink has the endpoint; every answer is JSON written by Jackson. */
final class RestApi {
    static final String VERSION = WeirVersion.get();
    private static final System.Logger LOG = System.getLogger(RestApi.class.getName());
    private final JobRegistry registry;
    private final MetricsSampler sampler;
    private final RequestGuard guard;
    private final SavepointTargets targets;
    private final SavepointRequests savepoints = new SavepointRequests();

    RestApi(JobRegistry registry, MetricsSampler sampler, RestSettings settings) {
        this.registry = registry;
        this.sampler = sampler;
        this.guard = new RequestGuard(settings);
        this.targets = new SavepointTargets(settings.savepointRoot());
    }

    void routes(RoutesConfig r) {
        r.before(guard::check);
        r.get("/overview", ctx -> ctx.json(overview()));
        r.get("/config", ctx -> ctx.json(new DashboardConfiguration(VERSION, 1000)));
        r.get("/jobs", ctx -> ctx.json(new JobIdsWithStatusOverview(registry.jobs().stream()
                .map(j -> new JobIdWithStatus(j.id(), j.status().name())).toList())));
        r.get("/jobs/overview", ctx -> ctx.json(new MultipleJobsDetails(registry.jobs().stream().map(RestApi::jobSummary).toList())));
        r.get("/jobs/{id}", ctx -> ctx.json(jobDetails(job(ctx))));
        r.patch("/jobs/{id}", this::cancel);
        r.get("/jobs/{id}/vertices/{vid}/watermarks", ctx -> ctx.json(watermarks(job(ctx), ctx.pathParam("vid"))));
        r.get("/jobs/{id}/checkpoints", ctx -> ctx.json(checkpoints(job(ctx))));
        r.get("/jobs/{id}/exceptions", ctx -> ctx.json(exceptions(job(ctx))));
        r.get("/jobs/{id}/history", ctx -> ctx.json(history(job(ctx))));
        r.post("/jobs/{id}/savepoints", ctx -> {
            JobView job = job(ctx);
            SavepointTriggerRequest request = body(ctx, SavepointTriggerRequest.class, new SavepointTriggerRequest(null, null));
            String dir = targets.resolve(request.targetDirectory(), "target-directory").toString();
            boolean cancel = Boolean.TRUE.equals(request.cancelJob());
            trigger(ctx, job, cancel,
                    () -> cancel ? job.stopWithSavepoint(false, dir) : job.client().triggerSavepoint(dir));
        });
        r.post("/jobs/{id}/stop", ctx -> {
            JobView job = job(ctx);
            StopWithSavepointRequest request = body(ctx, StopWithSavepointRequest.class, new StopWithSavepointRequest(null, null));
            String dir = targets.resolve(request.targetDirectory(), "targetDirectory").toString();
            boolean drain = Boolean.TRUE.equals(request.drain());
            trigger(ctx, job, true, () -> job.stopWithSavepoint(drain, dir));
        });
        r.get("/jobs/{id}/savepoints/{triggerId}", ctx -> {
            job(ctx);
            CompletableFuture<String> f = savepoints.read(ctx.pathParam("triggerId"));
            if (f == null) {
                throw new Refused(404, "No savepoint request " + ctx.pathParam("triggerId") + ": POST /jobs/{id}/savepoints returns the "
                        + "request-id to use (the latest " + SavepointRequests.KEPT + " requests are kept)");
            }
            ctx.json(savepointStatus(f));
        });
        r.get("/alerts", ctx -> ctx.json(new Alerts(AlertFeed.global().published(),
                AlertFeed.global().latest().stream().map(a -> new Alert(a.seq(), a.time(), a.text())).toList())));
        r.exception(Refused.class, (e, ctx) -> {
            ctx.status(e.status);
            ctx.json(new ErrorResponse(List.of(e.getMessage())));
        });
        r.exception(Exception.class, (e, ctx) -> {
            // Never a bare 500: the reason goes to the caller and to the log.
            LOG.log(System.Logger.Level.ERROR, ctx.method() + " " + ctx.path() + " failed", e);
            ctx.status(500);
            ctx.json(new ErrorResponse(List.of(ctx.method() + " " + ctx.path() + " failed: " + e)));
        });
    }

    /** A request refused with an HTTP status and the reason, answered as {@link ErrorResponse}. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The request body as {@code type}; an empty body is {@code empty}; malformed JSON is a 400 with Jackson's reason. */
    static <T> T body(Context ctx, Class<T> type, T empty) {
        String body = ctx.body();
        if (body.isBlank()) {
            return empty;
        }
        try {
            return ctx.bodyAsClass(type);
        } catch (Exception e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof JsonProcessingException j) {
                    throw new Refused(400, "Bad request body for " + ctx.method() + " " + ctx.path() + ": " + RestJson.reason(j));
                }
            }
            throw new Refused(400, "Bad request body for " + ctx.method() + " " + ctx.path() + ": " + e.getMessage());
        }
    }

    private JobView job(Context ctx) {
        String id = ctx.pathParam("id");
        JobView job = registry.job(id);
        if (job == null) {
            throw new Refused(404, "Job " + id + " not found: GET /jobs lists the jobs of this Weir");
        }
        return job;
    }

    private void cancel(Context ctx) {
        JobView job = job(ctx);
        String mode = ctx.queryParam("mode");
        if (mode != null && !mode.equals("cancel")) {
            throw new Refused(400, "Unsupported mode '" + mode + "': use PATCH /jobs/{id}?mode=cancel, or POST /jobs/{id}/stop");
        }
        job.client().cancel();
        ctx.status(202);
        ctx.json(Map.of());
    }

    private void trigger(Context ctx, JobView job, boolean stopsTheJob, java.util.function.Supplier<CompletableFuture<String>> action) {
        CompletableFuture<String> savepoint;
        try {
            savepoint = action.get();
        } catch (RuntimeException e) {
            // A trigger that throws is a failed request the caller can poll, not a bare 500.
            savepoint = CompletableFuture.failedFuture(e);
        }
        String id = savepoints.add(job.id(), stopsTheJob ? "Stop with savepoint" : "Savepoint", stopsTheJob, savepoint);
        ctx.status(202);
        ctx.json(new TriggerResponse(id));
    }

    private static SavepointStatus savepointStatus(CompletableFuture<String> f) {
        if (!f.isDone()) {
            return new SavepointStatus(new QueueStatus("IN_PROGRESS"), null);
        }
        try {
            return new SavepointStatus(new QueueStatus("COMPLETED"), new SavepointOperation(f.join(), null));
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new SavepointStatus(new QueueStatus("COMPLETED"), new SavepointOperation(null,
                    new FailureCause(cause.getClass().getName(), String.valueOf(cause.getMessage()))));
        }
    }

    private ClusterOverview overview() {
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
        return new ClusterOverview(VERSION, 1, Runtime.getRuntime().availableProcessors(), running, finished, cancelled, failed);
    }

    private static JobSummary jobSummary(JobView j) {
        long end = j.endTime();
        return new JobSummary(j.id(), j.name(), j.status().name(), j.startTime(), end, (end < 0 ? System.currentTimeMillis() : end) - j.startTime());
    }

    private JobDetails jobDetails(JobView j) {
        JobSummary s = jobSummary(j);
        MetricsSampler.Point p = sampler.history(j.id()).latest;
        List<VertexDetails> vertices = new ArrayList<>();
        List<VertexInfo> vs = j.vertices();
        for (int v = 0; v < vs.size(); v++) {
            VertexInfo info = vs.get(v);
            long in = 0;
            long out = 0;
            long low = Long.MAX_VALUE;
            for (SubtaskSample sample : j.sample(v)) {
                in += sample.recordsIn();
                out += sample.recordsOut();
                low = Math.min(low, sample.watermark());
            }
            boolean known = p != null && p.inRate().length == vs.size();
            vertices.add(new VertexDetails(info.id(), info.name(), info.parallelism(), info.maxParallelism(), j.vertexStatus(v).name(),
                    info.operators(), low, new VertexMetrics(in, out, known ? finite(p.inRate()[v]) : 0.0,
                    known ? finite(p.outRate()[v]) : 0.0, known ? finite(p.backpressure()[v]) : 0.0)));
        }
        List<Edge> edges = new ArrayList<>();
        for (EdgeInfo e : j.edges()) {
            edges.add(new Edge(e.source(), e.target(), e.partitioning(), e.sideOutput()));
        }
        List<PlanNode> nodes = new ArrayList<>();
        for (VertexInfo info : vs) {
            List<PlanInput> inputs = new ArrayList<>();
            int num = 0;
            for (EdgeInfo e : j.edges()) {
                if (e.target().equals(info.id())) {
                    inputs.add(new PlanInput(num++, e.source(), e.partitioning(), "pipelined_bounded"));
                }
            }
            nodes.add(new PlanNode(info.id(), info.parallelism(), info.name(), inputs));
        }
        return new JobDetails(s.jid(), s.name(), s.state(), s.startTime(), s.endTime(), s.duration(), System.currentTimeMillis(),
                vertices, edges, new Plan(j.id(), j.name(), nodes));
    }

    private static List<Metric> watermarks(JobView j, String vertexId) {
        List<VertexInfo> vs = j.vertices();
        for (int v = 0; v < vs.size(); v++) {
            if (vs.get(v).id().equals(vertexId)) {
                List<Metric> out = new ArrayList<>();
                for (SubtaskSample s : j.sample(v)) {
                    out.add(new Metric(s.subtask() + ".currentInputWatermark", Long.toString(s.watermark())));
                }
                return out;
            }
        }
        throw new Refused(404, "Vertex " + vertexId + " not found in job " + j.id() + ": GET /jobs/" + j.id() + " lists its vertices");
    }

    private static CheckpointingStatistics checkpoints(JobView j) {
        List<CheckpointRecord> all = j.checkpoints();
        CheckpointRecord latest = null;
        List<CheckpointStatistics> history = new ArrayList<>();
        for (CheckpointRecord c : all) {
            if (c.status().equals("COMPLETED")) {
                latest = c;
            }
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            history.add(checkpoint(all.get(i)));
        }
        CheckpointHistory.Counts c = j.checkpointCounts();
        return new CheckpointingStatistics(new CheckpointCounts(c.completed(), c.failed(), c.inProgress(), c.completed() + c.failed() + c.inProgress()),
                new LatestCheckpoints(latest == null ? null : checkpoint(latest)), history);
    }

    private static CheckpointStatistics checkpoint(CheckpointRecord c) {
        return new CheckpointStatistics(c.id(), c.status(), c.savepoint(), c.triggerTime(), c.durationMillis(), c.sizeBytes(), c.path(), c.failure());
    }

    private static JobExceptionsInfo exceptions(JobView j) {
        List<ExceptionRecord> all = j.exceptions();
        List<ExceptionEntry> entries = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            ExceptionRecord e = all.get(i);
            entries.add(new ExceptionEntry(e.message(), e.stackTrace(), e.time(), e.attempt()));
        }
        ExceptionRecord root = all.isEmpty() ? null : all.get(all.size() - 1);
        return new JobExceptionsInfo(root == null ? null : root.stackTrace(), root == null ? null : root.time(), new ExceptionHistory(entries, false));
    }

    private MetricsHistory history(JobView j) {
        List<MetricsPoint> points = new ArrayList<>();
        for (MetricsSampler.Point p : sampler.history(j.id()).points()) {
            List<List<Long>> wm = new ArrayList<>();
            for (long[] v : p.watermarks()) {
                List<Long> subtasks = new ArrayList<>(v.length);
                for (long w : v) {
                    subtasks.add(w);
                }
                wm.add(subtasks);
            }
            points.add(new MetricsPoint(p.time(), rounded(p.inRate()), rounded(p.outRate()), rounded(p.backpressure()), wm));
        }
        return new MetricsHistory(j.vertices().stream().map(VertexInfo::id).toList(), points);
    }

    private static List<Double> rounded(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double d : values) {
            out.add(finite(Math.round(d * 1000) / 1000.0));
        }
        return out;
    }

    /** JSON has no NaN or infinity: an unknown rate is null. */
    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /** Waits up to {@code millis} until clients have read the outcome of every completed stop-with-savepoint. */
    void awaitStopsRead(long millis) throws InterruptedException {
        savepoints.awaitStopsRead(millis);
    }

    /** For tests: how many savepoint requests are kept. */
    int savepointRequests() {
        return savepoints.size();
    }
}
