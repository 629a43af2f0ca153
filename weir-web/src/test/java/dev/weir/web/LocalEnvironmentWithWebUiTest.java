package dev.weir.web;

import dev.weir.testing.LocalPorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobStatus;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.RestOptions;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class LocalEnvironmentWithWebUiTest {
    // HTTP/1.1: the dashboard speaks nothing else, so the client need not offer an upgrade to HTTP/2 first.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theWebUiServesTheRestApiOnTheConfiguredPortUntilTheJobEnds() throws Exception {
        int port = LocalPorts.pick();
        Configuration config = new Configuration();
        config.set(RestOptions.PORT, port);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);

        HttpResponse<String> config1 = firstResponse(URI.create("http://localhost:" + port + "/config"));
        assertThat(config1.statusCode()).isEqualTo(200);
        assertThat(config1.body()).contains("weir-version");

        env.fromSequence(1, 100).sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("with web ui");
        client.getJobExecutionResult().get();
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);

        // The server stops once the job has ended (as Flink's local cluster does); closing is asynchronous.
        boolean closed = false;
        for (int i = 0; i < 200 && !closed; i++) {
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/config")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Thread.sleep(50);
            } catch (java.io.IOException e) {
                closed = true;
            }
        }
        assertThat(closed).as("the web UI stopped after the job").isTrue();
    }

    /**
     * The first answer of the dashboard. Once, in a full build, the first request of a fresh JVM waited 60 s for an
     * answer that never came and that a run of its own never showed: a request that waits 15 s is sent again (three
     * times at most), and the threads of this JVM are printed, so that a next occurrence says where it waited.
     */
    private static HttpResponse<String> firstResponse(URI uri) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return HTTP.send(HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(15)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException e) {
                StringBuilder dump = new StringBuilder("No answer from " + uri + " in 15 s (attempt " + attempt + "); threads:\n");
                for (java.lang.management.ThreadInfo t : java.lang.management.ManagementFactory.getThreadMXBean()
                        .dumpAllThreads(true, true)) {
                    dump.append(t);
                }
                System.err.println(dump);
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
