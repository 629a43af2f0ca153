package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir run --target flink --jobmanager HOST:PORT} submits an unchanged job (its main calls
 * {@code getExecutionEnvironment()}) to a Flink cluster, and {@code weir sql --target flink} a script's statements
 * to Flink's own planner and cluster: here a MiniCluster with a REST endpoint in the test's JVM.
 */
@Timeout(120)
class RunOnFlinkTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        for (String key : List.of("execution.target", "rest.address", "rest.port", "pipeline.jars")) {
            System.clearProperty(key);
        }
    }

    /** A Flink MiniCluster with a REST endpoint on a free port, started. */
    private static MiniCluster startedCluster() throws Exception {
        org.apache.flink.configuration.Configuration flink = new org.apache.flink.configuration.Configuration();
        flink.set(RestOptions.BIND_PORT, "0");
        // This cluster shares the test's class path, where Weir already is, so the jars the job ships (weir-core's,
        // when the build has packaged it) would be a second copy of Weir's classes; a real cluster has none of its own.
        flink.setString("classloader.parent-first-patterns.additional", "dev.weir.");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(flink)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
        cluster.start();
        return cluster;
    }

    @Test
    void runWithTargetFlinkSubmitsTheUnchangedJobToTheJobManager() throws Exception {
        try (MiniCluster cluster = startedCluster()) {
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
    void sqlWithTargetFlinkWithoutJobManagerExitsWithTwoAndSaysWhatToPass() {
        assertThat(Weir.execute("sql", "--target", "flink", "-f", "script.sql")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--target flink needs --jobmanager HOST:PORT, the Flink cluster's REST address (e.g. localhost:8081)");
    }

    @Test
    void aJobManagerWithoutPortExitsWithTwo() {
        assertThat(Weir.execute("run", "--target", "flink", "--jobmanager", "localhost", SquaresJob.class.getName())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--jobmanager must be HOST:PORT (e.g. localhost:8081); got 'localhost'");
    }

    @Test
    @Timeout(300)
    void sqlWithTargetFlinkRunsTheScriptsInsertOnFlinksPlannerAndCluster() throws Exception {
        Path input = Files.writeString(dir.resolve("clicks.csv"), """
                alice,3,2026-01-01 00:00:01
                bob,5,2026-01-01 00:00:02
                alice,1,2026-01-01 00:00:04
                bob,2,2026-01-01 00:00:12
                alice,4,2026-01-01 00:00:13
                """);
        Path output = dir.resolve("out");
        Path script = Files.writeString(dir.resolve("script.sql"), """
                SET 'table.dml-sync' = 'true';
                CREATE TABLE clicks (user_name STRING, amount INT, ts TIMESTAMP(3),
                    WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
                  WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'csv');
                CREATE TABLE totals (window_start TIMESTAMP(3), user_name STRING, total INT)
                  WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'csv');
                INSERT INTO totals SELECT window_start, user_name, SUM(amount)
                  FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
                  GROUP BY window_start, window_end, user_name;
                """.formatted(input, output));
        try (MiniCluster cluster = startedCluster()) {
            URI rest = cluster.getRestAddress().get(30, TimeUnit.SECONDS);

            int exit = Weir.execute("sql", "--target", "flink", "--jobmanager", rest.getHost() + ":" + rest.getPort(),
                    "-f", script.toString());

            assertThat(exit).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Job ID: ");
            // Flink's csv format writes the rows: timestamps quoted, without zero milliseconds.
            assertThat(lines(output)).containsExactlyInAnyOrder("\"2026-01-01 00:00:00\",alice,4", "\"2026-01-01 00:00:00\",bob,5",
                    "\"2026-01-01 00:00:10\",alice,4", "\"2026-01-01 00:00:10\",bob,2");
        }
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

    private static List<String> lines(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }
}
