package dev.weir.bench.weir;

import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.util.CloseableIterator;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
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

/** Runs the bench's workloads on Weir's local runtime. */
public final class WeirEngine implements Engine {
    private static final long HEAP_TIMEOUT_MILLIS = 120_000;

    @Override
    public String name() {
        return "weir";
    }

    @Override
    public boolean supports(Workload workload) {
        return true;
    }

    @Override
    public String checkpoints(Workload workload, long loaded, long changed, boolean incremental) throws Exception {
        return WeirCheckpointJob.run(workload, loaded, changed, incremental);
    }

    @Override
    public long measure(Workload workload, long events) throws Exception {
        StreamExecutionEnvironment env = environment(workload);
        if (workload.sql()) {
            return WeirSqlJobs.measure(env, workload, events);
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
        env.getConfig().setAutoWatermarkInterval(WeirProbeJobs.LATENCY_WATERMARK_INTERVAL_MILLIS);
        LatencyShape shape = new LatencyShape(events, workload.keys, workload.parallelism, ratePerSecond);
        WeirProbeJobs.latency(env, shape).sinkTo(new TimedSink<>());
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
        WeirJobs.stateless(WeirJobs.events(env, Workload.STARTUP.shape(Workload.STARTUP.benchEvents)))
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
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(workload.parallelism);
        if (workload.onRocksDB()) {
            env.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        return env;
    }

    private static DataStream<?> job(StreamExecutionEnvironment env, Workload workload, long events) {
        return switch (workload) {
            case NEXMARK_Q5 ->
                    WeirNexmarkJobs.q5(WeirNexmarkJobs.bids(env, new NexmarkShape(events, workload.parallelism)));
            case NEXMARK_Q7 ->
                    WeirNexmarkJobs.q7(WeirNexmarkJobs.bids(env, new NexmarkShape(events, workload.parallelism)));
            case SQL_TUMBLING, SQL_PROJECT_FILTER -> WeirSqlJobs.results(env, workload, events);
            case TUMBLING_STATS, PROJECT_FILTER -> WeirSqlJobs.dataStream(env, workload, events);
            case STATELESS -> WeirJobs.stateless(WeirJobs.events(env, workload.shape(events)));
            case KEYED_PROCESS -> WeirJobs.keyedProcess(WeirJobs.events(env, workload.shape(events)));
            case ROCKSDB_KEYED -> WeirJobs.valueStateCount(WeirJobs.events(env, workload.shape(events)));
            case STARTUP, LATENCY, HEAP_PER_KEY -> throw new IllegalArgumentException("Workload " + workload
                    + " has its own entry point (runTrivialJob, latency, retainedHeap), not measure or check");
            default -> WeirWindowJobs.build(workload, WeirJobs.events(env, workload.shape(events)));
        };
    }

    /** The used heap, settled, while a heap job of {@code keys} keys holds them all in its window; then cancels it. */
    private static long settledHeapWith(Workload workload, long keys) throws Exception {
        StreamExecutionEnvironment env = environment(workload);
        WeirProbeJobs.heap(env, new HeapShape(keys, workload.parallelism)).sinkTo(new TimedSink<>());
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
