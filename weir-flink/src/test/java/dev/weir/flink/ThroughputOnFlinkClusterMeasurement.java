package dev.weir.flink;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.api.common.eventtime.WatermarkStrategy;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement behind docs/flink-runner.md's table, not a test (it asserts nothing and takes minutes): the moving
 * average of {@link MovingAverage} (keyed sliding event-time windows, 10 min every 1 min) over generated readings,
 * at parallelism 2, on Weir in this JVM and on a three-process Flink cluster (JobManager + 2 TaskManagers) on the same
 * machine. Run it with {@code -Dweir.measure.flink=true}; it prints one line per engine.
 */
@EnabledIfSystemProperty(named = "weir.measure.flink", matches = "true")
@Timeout(1800)
class ThroughputOnFlinkClusterMeasurement {
    private static final long READINGS = Long.getLong("weir.measure.readings", 4_000_000L);
    private static final int SENSORS = 1000;

    @TempDir
    Path dir;

    @Test
    void movingAverageOnWeirAndOnAThreeProcessFlinkCluster() throws Exception {
        StreamExecutionEnvironment onWeir = StreamExecutionEnvironment.createLocalEnvironment(2);
        report("Weir, one JVM", run(onWeir));
        try (FlinkProcessCluster cluster = FlinkProcessCluster.launch(dir.resolve("cluster"), 2, 2, Map.of(), List.of())) {
            cluster.awaitTaskManagers();
            Configuration target = new Configuration();
            target.setString("execution.target", "remote");
            target.setString("rest.address", "localhost");
            target.setString("rest.port", Integer.toString(cluster.restPort()));
            target.setString("pipeline.jars", String.join(",", JobJars.pack(dir.resolve("jars"))));
            report("Flink 1.20 cluster, 3 JVMs", run(StreamExecutionEnvironment.getExecutionEnvironment(target)));
        }
    }

    private static long[] run(StreamExecutionEnvironment env) throws Exception {
        env.setParallelism(2);
        DataGeneratorSource<Reading> readings = new DataGeneratorSource<>(
                n -> new Reading("sensor-" + (n % SENSORS), n), READINGS);
        // The reading's value is its index, and its event time one millisecond per reading: 4 M readings span 67 minutes.
        MovingAverage.averages(env.fromSource(readings, WatermarkStrategy.<Reading>forMonotonousTimestamps()
                        .withTimestampAssigner((reading, ignored) -> (long) reading.value()), "readings"))
                .addSink(new Discard());
        long start = System.nanoTime();
        JobExecutionResult result = env.execute("moving average throughput");
        return new long[] {(System.nanoTime() - start) / 1_000_000, result.getNetRuntime()};
    }

    private static void report(String engine, long[] millis) {
        System.out.printf(Locale.ROOT, "MEASURED | %s | %,d readings | wall %,d ms | net %,d ms | %,.0f readings/s (net) |%n",
                engine, READINGS, millis[0], millis[1], READINGS * 1000.0 / millis[1]);
    }

    /** Drops the averages: the measurement is of the job, not of a sink. */
    private static final class Discard implements SinkFunction<String> {
        @Override
        public void invoke(String value) {
        }
    }
}
