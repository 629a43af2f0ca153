package dev.weir.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.examples.anomaly.AnomalyDetection;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Weir's shipped examples, unchanged, give the same output on Weir and on a Flink MiniCluster at parallelism 2. */
@Timeout(180)
class ExamplesOnFlinkTest {

    @Test
    void theAnomalyDetectorFindsTheSameAlertsAndLateReadingsOnFlink() throws Exception {
        AnomalyDetection.Settings settings = new AnomalyDetection.Settings(7, 4, 4 * 1_500L, 0, 1_700_000_000_000L, 1000, 5000,
                Duration.ofMinutes(30), Duration.ofMinutes(1), 150, 200);
        List<String> onWeir = run(StreamExecutionEnvironment.createLocalEnvironment(2), settings, "anomaly-weir");
        StreamExecutionEnvironment flink = StreamExecutionEnvironment.createLocalEnvironment(2);
        flink.configure("execution.target", FlinkPipelineExecutor.MINICLUSTER_TARGET);
        List<String> onFlink = run(flink, settings, "anomaly-flink");

        assertThat(onWeir).anyMatch(line -> line.startsWith("alert ")).anyMatch(line -> line.startsWith("late "));
        assertThat(onFlink).isEqualTo(onWeir);
    }

    private static List<String> run(StreamExecutionEnvironment env, AnomalyDetection.Settings settings, String name) throws Exception {
        AnomalyDetection.Streams streams = AnomalyDetection.build(env, settings);
        streams.alerts().map(a -> "alert " + a).union(streams.late().map(e -> "late " + e)).addSink(new SharedSink<>(name));
        env.execute(name);
        return SharedSink.sorted(name);
    }
}
