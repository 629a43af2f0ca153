package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code weir run --target flink --jobmanager HOST:PORT} submits an unchanged job (its main calls
 * {@code getExecutionEnvironment()}) to a Flink cluster: here a MiniCluster with a REST endpoint in the test's JVM.
 */
@Timeout(120)
class RunOnFlinkTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
        for (String key : List.of("execution.target", "rest.address", "rest.port", "pipeline.jars")) {
            System.clearProperty(key);
        }
    }

    @Test
    void runWithTargetFlinkSubmitsTheUnchangedJobToTheJobManager() throws Exception {
        org.apache.flink.configuration.Configuration flink = new org.apache.flink.configuration.Configuration();
        flink.set(RestOptions.BIND_PORT, "0");
        // This cluster shares the test's class path, where Weir already is, so the jars the job ships (weir-core's,
        // when the build has packaged it) would be a second copy of Weir's classes; a real cluster has none of its own.
        flink.setString("classloader.parent-first-patterns.additional", "dev.weir.");
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(flink)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build())) {
            cluster.start();
            URI rest = cluster.getRestAddress().get(30, TimeUnit.SECONDS);

            int exit = Weir.execute("run", "--target", "flink", "--jobmanager", rest.getHost() + ":" + rest.getPort(), "-p", "2",
                    SquaresJob.class.getName());

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            List<String> squares = new ArrayList<>(SquaresJob.RESULTS);
            squares.sort(null);
            assertThat(squares).containsExactly("1", "16", "25", "4", "9");
        }
    }

    @Test
    void targetFlinkWithoutJobManagerExitsWithTwoAndSaysWhatToPass() {
        assertThat(Weir.execute("run", "--target", "flink", SquaresJob.class.getName())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--target flink needs --jobmanager HOST:PORT, the Flink cluster's REST address (e.g. localhost:8081)");
    }

    @Test
    void aJobManagerWithoutPortExitsWithTwo() {
        assertThat(Weir.execute("run", "--target", "flink", "--jobmanager", "localhost", SquaresJob.class.getName())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--jobmanager must be HOST:PORT (e.g. localhost:8081); got 'localhost'");
    }

    /** A job as users write it: its main knows nothing of Flink. */
    public static final class SquaresJob {
        static final Queue<String> RESULTS = new ConcurrentLinkedQueue<>();

        public static void main(String[] args) throws Exception {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.fromSequence(1, 5).map(n -> Long.toString(n * n)).addSink(new SinkFunction<String>() {
                @Override
                public void invoke(String value) {
                    RESULTS.add(value);
                }
            });
            env.execute("squares");
        }
    }
}
