package dev.weir.bench.weir;

import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.state.CheckpointListener;
import dev.weir.api.connector.source.util.ratelimit.RateLimiter;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.bench.CheckpointProbe;
import dev.weir.bench.KeyedSum;
import dev.weir.bench.Workload;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.core.execution.JobClient;
import dev.weir.engine.status.CheckpointRecord;
import dev.weir.engine.status.JobRegistry;
import dev.weir.engine.status.JobView;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Workload 11a with checkpoints for {@link CheckpointProbe}, on Weir: the same job as the throughput run behind a
 * gated source, a checkpoint every {@value #INTERVAL_MILLIS} ms on {@code EmbeddedRocksDBStateBackend}. A checkpoint's
 * duration is the history's (trigger to completion, as Flink's end-to-end duration); its checkpointed size is its
 * own folder plus the SST files it uploaded to the job's {@code shared/} folder; its full size is its folder plus
 * every shared file retention kept for it (one retained checkpoint, so those are the files it references).
 * {@code FlinkCheckpointJob} is the same job on Flink; keep the two in step.
 */
final class WeirCheckpointJob {
    static final long INTERVAL_MILLIS = 500;
    /** Figures per checkpoint id, measured as each completes. */
    private static final Map<Long, CheckpointProbe.Figures> MEASURED = new ConcurrentHashMap<>();

    private WeirCheckpointJob() {
    }

    /** Answers {@code loaded} and {@code changed} checkpoint figures: duration ms, checkpointed bytes, full bytes. */
    static String run(Workload workload, long loaded, long changed, boolean incremental) throws Exception {
        int p = workload.parallelism;
        Path folder = Files.createTempDirectory("weir-bench-checkpoints");
        String name = "weir-bench checkpoints " + folder.getFileName();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p);
        env.setStateBackend(new EmbeddedRocksDBStateBackend(incremental));
        env.enableCheckpointing(INTERVAL_MILLIS);
        // One at a time (the default, made explicit): CheckpointProbe relies on it to tell checkpoints triggered after the quiet.
        env.getCheckpointConfig().setMaxConcurrentCheckpoints(1);
        env.getCheckpointConfig().setCheckpointStorage(folder.toUri().toString());
        WeirJobs.valueStateCount(WeirJobs.events(env, workload.shape(loaded + changed + p), new Gate()))
                .map(new MarkQuietCheckpoints())
                .sinkTo(new DiscardingSink<>());
        MEASURED.clear();
        CheckpointProbe.reset(p, id -> MEASURED.put(id, figures(name, id)));
        JobClient client = env.executeAsync(name);
        try {
            CheckpointProbe.StatsReader stats = id -> awaitFigures(name, id);
            var job = client.getJobExecutionResult();
            CheckpointProbe.Figures afterLoad = CheckpointProbe.measureAfter(loaded / p, stats, job, -1);
            CheckpointProbe.Figures afterChange = CheckpointProbe.measureAfter((loaded + changed) / p, stats, job,
                    incremental ? afterLoad.checkpointId() : -1);
            printUnderFlow(name, afterLoad.checkpointId());
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

    /**
     * Prints (to stderr, beside the worker's answers) the median duration of the checkpoints completed while the
     * loading events flowed, before {@code quietId}: those whose barriers waited behind records in the exchange.
     */
    private static void printUnderFlow(String jobName, long quietId) {
        JobView job = JobRegistry.global().jobs().stream().filter(j -> j.name().equals(jobName)).findFirst().orElse(null);
        if (job == null) {
            return;
        }
        long[] durations = job.checkpoints().stream()
                .filter(r -> r.id() < quietId - 1 && r.status().equals("COMPLETED"))
                .mapToLong(CheckpointRecord::durationMillis).sorted().toArray();
        if (durations.length > 0) {
            System.err.printf("weir checkpoints under flow: %d, median %d ms, max %d ms%n", durations.length,
                    durations[durations.length / 2], durations[durations.length - 1]);
        }
    }

    /** The figures measured when checkpoint {@code id} completed; null if it failed or was subsumed. */
    private static CheckpointProbe.Figures awaitFigures(String jobName, long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            CheckpointProbe.Figures measured = MEASURED.get(id);
            if (measured != null) {
                return measured;
            }
            CheckpointRecord record = record(jobName, id);
            if (record != null && record.status().equals("FAILED")) {
                return null;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("checkpoint " + id + " of '" + jobName + "' did not complete within 120 s");
    }

    private static CheckpointRecord record(String jobName, long id) {
        JobView job = JobRegistry.global().jobs().stream().filter(j -> j.name().equals(jobName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Weir's job registry has no job '" + jobName + "'"));
        return job.checkpoints().stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }

    /**
     * Measured as the first subtask hears checkpoint {@code id} completed: retention has then deleted what the
     * previous checkpoint alone referenced, and nothing of this one yet.
     */
    private static CheckpointProbe.Figures figures(String jobName, long id) {
        CheckpointRecord record = record(jobName, id);
        if (record == null || !record.status().equals("COMPLETED")) {
            throw new IllegalStateException("checkpoint " + id + " of '" + jobName + "' is not in its history as completed");
        }
        Path own = Path.of(record.path());
        own = Files.isRegularFile(own) ? own.getParent() : own;
        Path shared = own.getParent().resolve("shared");
        long ownBytes = CheckpointProbe.sizeOf(own);
        long uploaded = 0;
        if (Files.isDirectory(shared)) {
            // A shared file is named <operator>-<subtask>-<UUID>-<checkpoint id>-<SST name>: the id is matched right after the
            // UUID, since "*-3-*" alone also matched every file of an operator named "auto-3-Map" (checkpoint 3 counted
            // the whole state as written).
            try (DirectoryStream<Path> files = Files.newDirectoryStream(shared, "*-????????-????-????-????-????????????-" + id + "-*")) {
                for (Path f : files) {
                    uploaded += Files.size(f);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list the shared checkpoint files in " + shared + ": " + e, e);
            }
        }
        return new CheckpointProbe.Figures(id, record.durationMillis(), ownBytes + uploaded, ownBytes + CheckpointProbe.sizeOf(shared));
    }

    /** Lets the source emit only what {@link CheckpointProbe} allows. */
    static final class Gate implements RateLimiterStrategy {
        private static final long serialVersionUID = 1L;

        @Override
        public RateLimiter createRateLimiter(int parallelism) {
            return new RateLimiter() {
                private long emitted;

                @Override
                public CompletionStage<Void> acquire() {
                    return CheckpointProbe.permit(emitted++);
                }
            };
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
