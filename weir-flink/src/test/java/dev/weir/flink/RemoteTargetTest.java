package dev.weir.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobStatus;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.configuration.Configuration;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.util.Collector;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A job's {@code main} picks the Flink cluster from configuration alone ({@code execution.target: remote},
 * {@code rest.address}, {@code rest.port}) and is submitted over Flink's REST API to a running cluster — here a
 * MiniCluster with a REST endpoint in the test's JVM, so the test sink can be read back.
 */
@Timeout(120)
class RemoteTargetTest {
    private static MiniCluster cluster;
    private static URI rest;

    @BeforeAll
    static void startCluster() throws Exception {
        org.apache.flink.configuration.Configuration flink = new org.apache.flink.configuration.Configuration();
        flink.set(RestOptions.BIND_PORT, "0");
        // This cluster shares the test's class path, where Weir already is, so the jars the job ships (weir-core's,
        // when the build has packaged it) would be a second copy of Weir's classes; a real cluster has none of its own.
        flink.setString("classloader.parent-first-patterns.additional", "dev.weir.");
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(flink)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
        cluster.start();
        rest = cluster.getRestAddress().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aJobConfiguredForTheRemoteTargetRunsOnTheClusterBehindRestAddressAndPort() throws Exception {
        Configuration configuration = new Configuration();
        configuration.setString("execution.target", "remote");
        configuration.setString("rest.address", rest.getHost());
        configuration.setInteger("rest.port", rest.getPort());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(2);
        env.fromData("a b", "b c", "c c")
                .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
                    for (String word : line.split(" ")) {
                        out.collect(Tuple2.of(word, 1));
                    }
                })
                .keyBy(t -> t.f0)
                .sum(1)
                .addSink(new SharedSink<>("remote"));

        JobClient job = env.executeAsync("remote word count");
        job.getJobExecutionResult().get(60, TimeUnit.SECONDS);

        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        assertThat(SharedSink.sorted("remote")).containsExactly("(a,1)", "(b,1)", "(b,2)", "(c,1)", "(c,2)", "(c,3)");
    }
}
