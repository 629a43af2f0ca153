package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobStatus;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.typeinfo.Types;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.configuration.Configuration;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir list}, {@code weir savepoint} and {@code weir cancel} with {@code --target flink --jobmanager HOST:PORT} talk to a Flink
 * cluster's REST API (the same calls as Weir's): here a MiniCluster with a REST endpoint in the test's JVM, running
 * an endless Weir job submitted through the weir-flink runner.
 */
@Timeout(120)
class FlinkJobsFromTheCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @TempDir
    Path savepoints;

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
    }

    @Test
    void listShowsTheRunningJobOfTheFlinkClusterSavepointTakesASavepointAndCancelCancelsIt() throws Exception {
        org.apache.flink.configuration.Configuration flink = new org.apache.flink.configuration.Configuration();
        flink.set(RestOptions.BIND_PORT, "0");
        flink.setString("classloader.parent-first-patterns.additional", "dev.weir.");
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(flink)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(1).build())) {
            cluster.start();
            URI rest = cluster.getRestAddress().get(30, TimeUnit.SECONDS);
            String jobManager = rest.getHost() + ":" + rest.getPort();
            JobClient job = submitEndlessJob(rest);
            String id = job.getJobID().toString();
            while (job.getJobStatus().get(30, TimeUnit.SECONDS) != JobStatus.RUNNING) {
                Thread.sleep(50);
            }
            // A RUNNING job may still be deploying its tasks, and Flink refuses a savepoint until every task runs.
            org.apache.flink.api.common.JobID flinkId = org.apache.flink.api.common.JobID.fromHexString(id);
            while (!allTasksRunning(cluster.getExecutionGraph(flinkId).get(30, TimeUnit.SECONDS))) {
                Thread.sleep(50);
            }

            assertThat(Weir.execute("list", "--target", "flink", "--jobmanager", jobManager)).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(String.format("%-32s  %-10s  %9s  %s%n", "JOB ID", "STATE", "DURATION", "NAME"))
                    .containsPattern(id + "  RUNNING   +\\d+s  endless on Flink");

            assertThat(Weir.execute("savepoint", "--target", "flink", "--jobmanager", jobManager, id, savepoints.toString()))
                    .as(err.toString(StandardCharsets.UTF_8)).isZero();
            String printed = out.toString(StandardCharsets.UTF_8);
            String prefix = "Savepoint completed: file:";
            assertThat(printed).contains(prefix);
            Path savepoint = Path.of(printed.substring(printed.indexOf(prefix) + prefix.length()).lines().findFirst().orElseThrow());
            assertThat(savepoint.getParent()).isEqualTo(savepoints);
            assertThat(savepoint.resolve("_metadata")).exists();

            assertThat(Weir.execute("cancel", "--target", "flink", "--jobmanager", jobManager, id)).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Cancellation of job " + id + " requested.");
            while (job.getJobStatus().get(30, TimeUnit.SECONDS) != JobStatus.CANCELED) {
                Thread.sleep(50);
            }
        }
    }

    @Test
    void anUnknownTargetExitsWithTwoAndSaysWhichTargetsThereAre() {
        assertThat(Weir.execute("list", "--target", "yarn")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--target must be local or flink; got 'yarn'");
    }

    private static boolean allTasksRunning(org.apache.flink.runtime.executiongraph.AccessExecutionGraph graph) {
        for (org.apache.flink.runtime.executiongraph.AccessExecutionVertex v : graph.getAllExecutionVertices()) {
            if (v.getExecutionState() != org.apache.flink.runtime.execution.ExecutionState.RUNNING) {
                return false;
            }
        }
        return true;
    }

    private static JobClient submitEndlessJob(URI rest) throws Exception {
        Configuration configuration = new Configuration();
        configuration.setString("execution.target", "remote");
        configuration.setString("rest.address", rest.getHost());
        configuration.setInteger("rest.port", rest.getPort());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        env.fromSource(new DataGeneratorSource<>(n -> n, Long.MAX_VALUE, RateLimiterStrategy.perSecond(20), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .addSink(new SinkFunction<Long>() {
                    @Override
                    public void invoke(Long value) {
                    }
                });
        return env.executeAsync("endless on Flink");
    }
}
