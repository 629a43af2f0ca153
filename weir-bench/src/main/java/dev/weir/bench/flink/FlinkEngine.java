package dev.weir.bench.flink;

import dev.weir.bench.Checksum;
import dev.weir.bench.Engine;
import dev.weir.bench.HeapProbe;
import dev.weir.bench.HeapShape;
import dev.weir.bench.LatencyHistogram;
import dev.weir.bench.LatencyShape;
import dev.weir.bench.Span;
import dev.weir.bench.WindowCloses;
import dev.weir.bench.Workload;
import dev.weir.bench.nexmark.NexmarkShape;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs the bench's workloads on Flink's local environment (a MiniCluster in this JVM), with object reuse on: the
 * setting Flink's own benchmarks use, so Flink is measured at its best.
 */
public final class FlinkEngine implements Engine {
    private static final long HEAP_TIMEOUT_MILLIS = 120_000;
    private static final FlinkSqlWorkloads SQL = FlinkSqlWorkloads.inThisBuild();

    @Override
    public String name() {
        return "flink-" + EnvironmentInformation.getVersion();
    }

    @Override
    public boolean supports(Workload workload) {
        return SQL != null || !(workload.sql() || workload.dataStreamTwinOf() != null);
    }

    @Override
    public String checkpoints(Workload workload, long loaded, long changed, boolean incremental) throws Exception {
        return FlinkCheckpointJob.run(workload, loaded, changed, incremental);
    }

    @Override
    public long measure(Workload workload, long events) throws Exception {
        StreamExecutionEnvironment env = environment(workload);
        if (workload.sql()) {
            return SQL.measure(env, workload, events);
        }
        job(env, workload, events).sinkTo(new TimedSink<>());
        Span.reset();
        env.execute("weir-bench " + workload);
        return Span.nanos();
    }

    @Override
    public Checksum check(Workload workload, long events) throws Exception {
        StreamExecutionEnvironment env = environment(workload);
        try (CloseableIterator<?> output = job(env, workload, events).executeAndCollect()) {
            return Checksum.of(output);
        }
    }

    @Override
    public long[] latency(Workload workload, long events, long ratePerSecond) throws Exception {
        StreamExecutionEnvironment env = environment(workload);
        env.getConfig().setAutoWatermarkInterval(FlinkProbeJobs.LATENCY_WATERMARK_INTERVAL_MILLIS);
        LatencyShape shape = new LatencyShape(events, workload.keys, workload.parallelism, ratePerSecond);
        FlinkProbeJobs.latency(env, shape).sinkTo(new TimedSink<>());
        LatencyHistogram.reset();
        WindowCloses.reset(shape.windows());
        Span.reset();
        env.execute("weir-bench " + workload);
        return new long[] {LatencyHistogram.quantile(0.5), LatencyHistogram.quantile(0.99),
            LatencyHistogram.quantile(0.999), LatencyHistogram.count(), Span.nanos()};
    }

    @Override
    public long retainedHeap(Workload workload, long keys) throws Exception {
        long baseline = settledHeapWith(workload, 0);
        return settledHeapWith(workload, keys) - baseline;
    }

    @Override
    public void runTrivialJob() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        FlinkJobs.stateless(FlinkJobs.events(env, Workload.STARTUP.shape(Workload.STARTUP.benchEvents)))
                .sinkTo(new TimedSink<>());
        env.execute("weir-bench startup");
    }

    @Override
    public long collectTrivialJob(long records) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        long sum = 0;
        try (var collected = env.fromSequence(1, records).map(new Doubled()).executeAndCollect()) {
            while (collected.hasNext()) {
                sum += collected.next();
            }
        }
        return sum;
    }

    /** Workload 13's map. */
    static final class Doubled implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return value * 2;
        }
    }

    private static StreamExecutionEnvironment environment(Workload workload) {
        // By configuration key, not class: EmbeddedRocksDBStateBackend moved package between Flink 1.20 and 2.x.
        StreamExecutionEnvironment env = workload.onRocksDB()
                ? StreamExecutionEnvironment.createLocalEnvironment(workload.parallelism,
                        org.apache.flink.configuration.Configuration.fromMap(java.util.Map.of("state.backend.type", "rocksdb")))
                : StreamExecutionEnvironment.createLocalEnvironment(workload.parallelism);
        env.getConfig().enableObjectReuse();
        return env;
    }

    private static DataStream<?> job(StreamExecutionEnvironment env, Workload workload, long events) {
        return switch (workload) {
            case NEXMARK_Q5 ->
                    FlinkNexmarkJobs.q5(FlinkNexmarkJobs.bids(env, new NexmarkShape(events, workload.parallelism)));
            case NEXMARK_Q7 ->
                    FlinkNexmarkJobs.q7(FlinkNexmarkJobs.bids(env, new NexmarkShape(events, workload.parallelism)));
            case SQL_TUMBLING, SQL_PROJECT_FILTER -> SQL.results(env, workload, events);
            case TUMBLING_STATS, PROJECT_FILTER -> SQL.dataStream(env, workload, events);
            case STATELESS -> FlinkJobs.stateless(FlinkJobs.events(env, workload.shape(events)));
            case KEYED_PROCESS -> FlinkJobs.keyedProcess(FlinkJobs.events(env, workload.shape(events)));
            case ROCKSDB_KEYED -> FlinkJobs.valueStateCount(FlinkJobs.events(env, workload.shape(events)));
            case STARTUP, LATENCY, HEAP_PER_KEY -> throw new IllegalArgumentException("Workload " + workload
                    + " has its own entry point (runTrivialJob, latency, retainedHeap), not measure or check");
            default -> FlinkWindowJobs.build(workload, FlinkJobs.events(env, workload.shape(events)));
        };
    }

    /** The used heap, settled, while a heap job of {@code keys} keys holds them all in its window; then cancels it. */
    private static long settledHeapWith(Workload workload, long keys) throws Exception {
        StreamExecutionEnvironment env = environment(workload);
        FlinkProbeJobs.heap(env, new HeapShape(keys, workload.parallelism)).sinkTo(new TimedSink<>());
        HeapProbe.awaitQuietHeap(30_000);
        HeapProbe.reset();
        int threadsBefore = Thread.activeCount();
        JobClient client = env.executeAsync("weir-bench " + workload + " " + keys + " keys");
        try {
            return HeapProbe.settledHeap(keys, workload.parallelism, HEAP_TIMEOUT_MILLIS);
        } finally {
            client.cancel().get(60, TimeUnit.SECONDS);
            try {
                client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | CancellationException expected) {
                // A cancelled job ends exceptionally; only its end matters here.
            }
            // The engine tears the job down after its result; let that finish so the next job's heap excludes it.
            HeapProbe.awaitThreadsBackTo(threadsBefore, 30_000);
        }
    }
}
