package dev.weir.flink;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.bench.nexmark.NexmarkShape;
import dev.weir.bench.weir.WeirNexmarkJobs;
import dev.weir.configuration.Configuration;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.examples.kafka.MovingAverage;
import dev.weir.examples.kafka.MovingAverage.Reading;
import dev.weir.flink.cluster.FlinkProcessCluster;
import dev.weir.flink.cluster.JobJars;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurements behind docs/flink-runner.md's table, not tests (they assert nothing and take minutes), each job at
 * parallelism 2 on Weir in this JVM and on a three-process Flink cluster (JobManager + 2 TaskManagers) on the same
 * machine: the moving average of {@link MovingAverage} (keyed sliding event-time windows, 10 min every 1 min) over
 * generated readings, and Nexmark q5 (hot items: sliding 10 s / 2 s bid counts per auction, then the top auctions per
 * window) as weir-bench runs it. Run them with {@code -Dweir.measure.flink=true}; each prints one line per engine.
 */
@EnabledIfSystemProperty(named = "weir.measure.flink", matches = "true")
@Timeout(1800)
class ThroughputOnFlinkClusterMeasurement {
    private static final long READINGS = Long.getLong("weir.measure.readings", 4_000_000L);
    private static final long NEXMARK_EVENTS = Long.getLong("weir.measure.events", 2_000_000L);
    private static final int SENSORS = 1000;
    private static final int PARALLELISM = 2;

    @TempDir
    Path dir;

    @Test
    void movingAverageOnWeirAndOnAThreeProcessFlinkCluster() throws Exception {
        onBoth("readings", READINGS, env -> {
            DataGeneratorSource<Reading> readings = new DataGeneratorSource<>(
                    n -> new Reading("sensor-" + (n % SENSORS), n), READINGS);
            // The reading's value is its index, and its event time one millisecond per reading: 4 M readings span 67 minutes.
            MovingAverage.averages(env.fromSource(readings, WatermarkStrategy.<Reading>forMonotonousTimestamps()
                            .withTimestampAssigner((reading, ignored) -> (long) reading.value()), "readings"))
                    .addSink(new Discard<>());
        });
    }

    @Test
    void nexmarkQ5OnWeirAndOnAThreeProcessFlinkCluster() throws Exception {
        onBoth("events", NEXMARK_EVENTS, env -> WeirNexmarkJobs.q5(WeirNexmarkJobs.bids(env,
                new NexmarkShape(NEXMARK_EVENTS, PARALLELISM))).addSink(new Discard<>()));
    }

    private void onBoth(String unit, long count, Job job) throws Exception {
        report("Weir, one JVM", unit, count, run(StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM), job));
        try (FlinkProcessCluster cluster = FlinkProcessCluster.launch(dir.resolve("cluster"), 2, 2, Map.of(), List.of())) {
            cluster.awaitTaskManagers();
            Configuration target = new Configuration();
            target.setString("execution.target", "remote");
            target.setString("rest.address", "localhost");
            target.setString("rest.port", Integer.toString(cluster.restPort()));
            target.setString("pipeline.jars", String.join(",", JobJars.pack(dir.resolve("jars"))));
            report("Flink " + EnvironmentInformation.getVersion() + " cluster, 3 JVMs", unit, count,
                    run(StreamExecutionEnvironment.getExecutionEnvironment(target), job));
        }
    }

    private static long[] run(StreamExecutionEnvironment env, Job job) throws Exception {
        env.setParallelism(PARALLELISM);
        job.build(env);
        long start = System.nanoTime();
        JobExecutionResult result = env.execute("throughput");
        return new long[] {(System.nanoTime() - start) / 1_000_000, result.getNetRuntime()};
    }

    private static void report(String engine, String unit, long count, long[] millis) {
        System.out.printf(Locale.ROOT, "MEASURED | %s | %,d %s | wall %,d ms | net %,d ms | %,.0f %s/s (net) |%n",
                engine, count, unit, millis[0], millis[1], count * 1000.0 / millis[1], unit);
    }

    /** Adds the measured job to an environment. */
    private interface Job {
        void build(StreamExecutionEnvironment env) throws Exception;
    }

    /** Drops the results: the measurement is of the job, not of a sink. */
    private static final class Discard<T> implements SinkFunction<T> {
        @Override
        public void invoke(T value) {
        }
    }
}
