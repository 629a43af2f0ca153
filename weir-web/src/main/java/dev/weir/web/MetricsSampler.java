package dev.weir.web;

import dev.weir.engine.status.JobRegistry;
import dev.weir.engine.status.JobView;
import dev.weir.engine.status.SubtaskSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads every job's counters at a fixed interval and turns consecutive samples into rates and backpressure ratios,
 * keeping the last {@value #KEPT} points per job for the dashboard's charts. The jobs never wait for it.
 */
final class MetricsSampler implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MetricsSampler.class.getName());
    static final int KEPT = 300;
    private final JobRegistry registry;
    private final ScheduledExecutorService timer;
    private final Map<String, JobHistory> histories = new ConcurrentHashMap<>();

    /** One point of a job's history: per vertex rates and backpressure, per vertex and subtask the watermark. */
    record Point(long time, double[] inRate, double[] outRate, double[] backpressure, long[][] watermarks) {
    }

    /** The latest rates of one job and its recent points. */
    static final class JobHistory {
        SubtaskSample[][] last;
        volatile Point latest;
        final ArrayDeque<Point> points = new ArrayDeque<>();
        boolean ended;

        synchronized List<Point> points() {
            return new ArrayList<>(points);
        }
    }

    MetricsSampler(JobRegistry registry, long intervalMillis) {
        this.registry = registry;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weir-web-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sampleAll, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** The history of a job, or an empty one before its first sample. */
    JobHistory history(String jobId) {
        return histories.computeIfAbsent(jobId, id -> new JobHistory());
    }

    void sampleAll() {
        try {
            for (JobView job : registry.jobs()) {
                sample(job);
            }
        } catch (RuntimeException e) {
            // A broken reading must not stop the sampler; the next tick tries again.
            LOG.log(System.Logger.Level.WARNING, "Sampling the jobs' metrics failed; the next tick tries again", e);
        }
    }

    private void sample(JobView job) {
        JobHistory h = history(job.id());
        if (h.ended) {
            return;
        }
        boolean ended = job.status().isGloballyTerminalState();
        int n = job.vertices().size();
        SubtaskSample[][] now = new SubtaskSample[n][];
        double[] in = new double[n];
        double[] out = new double[n];
        double[] bp = new double[n];
        long[][] wm = new long[n][];
        for (int v = 0; v < n; v++) {
            now[v] = job.sample(v);
            wm[v] = new long[now[v].length];
            for (int s = 0; s < now[v].length; s++) {
                SubtaskSample c = now[v][s];
                wm[v][s] = c.watermark();
                if (h.last != null) {
                    SubtaskSample p = h.last[v][s];
                    double seconds = Math.max(1e-3, (c.sampledAtNanos() - p.sampledAtNanos()) / 1e9);
                    in[v] += (c.recordsIn() - p.recordsIn()) / seconds;
                    out[v] += (c.recordsOut() - p.recordsOut()) / seconds;
                    double ratio = (c.backpressuredNanos() - p.backpressuredNanos()) / (seconds * 1e9);
                    bp[v] = Math.max(bp[v], Math.min(1, Math.max(0, ratio)));
                }
            }
        }
        Point point = new Point(System.currentTimeMillis(), in, out, bp, wm);
        synchronized (h) {
            h.last = now;
            h.latest = point;
            h.points.addLast(point);
            if (h.points.size() > KEPT) {
                h.points.removeFirst();
            }
            h.ended = ended;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
