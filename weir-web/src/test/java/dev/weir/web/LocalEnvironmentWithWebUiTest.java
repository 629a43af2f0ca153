package dev.weir.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobStatus;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.RestOptions;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LocalEnvironmentWithWebUiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theWebUiServesTheRestApiOnTheConfiguredPortUntilTheJobEnds() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Configuration config = new Configuration();
        config.set(RestOptions.PORT, port);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);

        HttpResponse<String> config1 = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/config")).build(),
                HttpResponse.BodyHandlers.ofString());
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
}
