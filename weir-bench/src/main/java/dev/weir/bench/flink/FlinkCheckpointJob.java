package dev.weir.bench.flink;

import dev.weir.bench.CheckpointProbe;
import dev.weir.bench.KeyedSum;
import dev.weir.bench.Workload;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Workload 11a with checkpoints for {@link CheckpointProbe}, on Flink's {@code EmbeddedRocksDBStateBackend}:
 * {@code weir/WeirCheckpointJob} with Flink's imports. A checkpoint's figures are Flink's own checkpoint statistics,
 * read from the local cluster's REST API ({@code /jobs/:id/checkpoints/details/:checkpointid}):
 * {@code end_to_end_duration}, {@code checkpointed_size} (what this checkpoint wrote) and {@code state_size} (the
 * whole state it stands for).
 */
final class FlinkCheckpointJob {
    static final long INTERVAL_MILLIS = 500;
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    private FlinkCheckpointJob() {
    }

    /** Answers {@code loaded} and {@code changed} checkpoint figures: duration ms, checkpointed bytes, full bytes. */
    static String run(Workload workload, long loaded, long changed, boolean incremental) throws Exception {
        int p = workload.parallelism;
        Path folder = Files.createTempDirectory("flink-bench-checkpoints");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // Keys of 1.20 and 2.x side by side: each version reads its own and ignores the other's.
        Configuration conf = Configuration.fromMap(Map.of(
                "state.backend.type", "rocksdb",
                "state.backend.incremental", String.valueOf(incremental),
                "execution.checkpointing.incremental", String.valueOf(incremental),
                "state.checkpoints.dir", folder.toUri().toString(),
                "execution.checkpointing.dir", folder.toUri().toString(),
                "rest.port", String.valueOf(port),
                "rest.bind-port", String.valueOf(port),
                // Every checkpoint's statistics stay readable, also those between two measured ones.
                "web.checkpoints.history", "10000"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p, conf);
        env.getConfig().enableObjectReuse();
        env.enableCheckpointing(INTERVAL_MILLIS);
        // One at a time (the default, made explicit): CheckpointProbe relies on it to tell checkpoints triggered after the quiet.
        env.getCheckpointConfig().setMaxConcurrentCheckpoints(1);
        FlinkJobs.valueStateCount(FlinkJobs.events(env, workload.shape(loaded + changed + p), new Gate()))
                .map(new MarkQuietCheckpoints())
                .sinkTo(new DiscardingSink<>());
        CheckpointProbe.reset(p, null);
        JobClient client = env.executeAsync("weir-bench checkpoints");
        HttpClient http = HttpClient.newHttpClient();
        try {
            String base = "http://localhost:" + port + "/jobs/" + client.getJobID() + "/checkpoints/details/";
            CheckpointProbe.StatsReader stats = id -> figures(http, base, id);
            var job = client.getJobExecutionResult();
            CheckpointProbe.Figures afterLoad = CheckpointProbe.measureAfter(loaded / p, stats, job, -1);
            CheckpointProbe.Figures afterChange = CheckpointProbe.measureAfter((loaded + changed) / p, stats, job,
                    incremental ? afterLoad.checkpointId() : -1);
            return afterLoad.answer() + " " + afterChange.answer();
        } finally {
            // One event per subtask is never allowed, so the job cannot end (and stop checkpointing) before the
            // second measurement: it is cancelled.
            if (!client.getJobExecutionResult().isDone()) {
                client.cancel().get(120, TimeUnit.SECONDS);
            }
            CheckpointProbe.delete(folder);
        }
    }

    private static CheckpointProbe.Figures figures(HttpClient http, String base, long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + id)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            body = response.body();
            Matcher status = STATUS.matcher(body);
            boolean found = response.statusCode() == 200 && status.find();
            if (found && status.group(1).equals("FAILED")) {
                return null;
            }
            if (found && status.group(1).equals("COMPLETED")) {
                return new CheckpointProbe.Figures(id, field(body, "end_to_end_duration"), field(body, "checkpointed_size"),
                        field(body, "state_size"));
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Flink's REST API did not show checkpoint " + id + " as completed within 60 s: " + body);
    }

    private static long field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("Flink's checkpoint statistics have no '" + name + "': " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** Lets the source emit only what {@link CheckpointProbe} allows (acquire(int) is Flink 2's form). */
    static final class Gate implements RateLimiterStrategy {
        private static final long serialVersionUID = 1L;

        @Override
        public RateLimiter createRateLimiter(int parallelism) {
            return new GateLimiter();
        }
    }

    /** One source subtask's gate. */
    static final class GateLimiter implements RateLimiter {
        private long emitted;

        @Override
        public CompletionStage<Void> acquire() {
            return CheckpointProbe.permit(emitted++);
        }

        public CompletionStage<Void> acquire(int permits) {
            CompletionStage<Void> gate = CheckpointProbe.permit(emitted + permits - 1);
            emitted += permits;
            return gate;
        }
    }

    /** Counts results and tells the probe which checkpoints came after the last allowed event and completed. */
    static final class MarkQuietCheckpoints extends RichMapFunction<KeyedSum, KeyedSum>
            implements CheckpointedFunction, CheckpointListener {
        private static final long serialVersionUID = 1L;

        @Override
        public KeyedSum map(KeyedSum value) {
            CheckpointProbe.processedOne();
            return value;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            CheckpointProbe.snapshot(context.getCheckpointId());
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CheckpointProbe.completed(checkpointId);
        }
    }
}
