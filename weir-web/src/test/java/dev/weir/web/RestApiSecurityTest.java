package dev.weir.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.JobStatus;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API lets no stranger in: it listens on loopback unless told otherwise; calls that change jobs need a JSON
 * content type, this server's Origin and Host, and the token when one is set; savepoints go under the savepoint root
 * only; request bodies are parsed strictly, refused with 400 and the reason.
 */
@Timeout(60)
class RestApiSecurityTest {
    @TempDir
    static Path savepointRoot;

    private static WebServer server;
    private static JobClient job;

    @BeforeAll
    static void start() throws Exception {
        server = WebServer.start(RestSettings.fromSystemProperties(0).withSavepointRoot(savepointRoot).withAuthToken(null));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(1000)),
                WatermarkStrategy.noWatermarks(), "numbers").sinkTo(new DiscardingSink<>());
        job = env.executeAsync("guarded");
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            Thread.sleep(5);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        job.cancel().get();
        server.close();
    }

    @Test
    void itListensOnLoopbackOnlyByDefault() throws Exception {
        assertThat(server.bindAddress()).isEqualTo("127.0.0.1");
        InetAddress outside = nonLoopbackAddress();
        Assumptions.assumeTrue(outside != null, "this machine has no address besides loopback to try");
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(outside, server.port()), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void aCrossSiteNoCorsPostIsRefusedForItsContentTypeAndTheJobRuns() throws Exception {
        Response r = send("POST", "/jobs/" + job.getJobID() + "/stop", "localhost:" + server.port(),
                "Content-Type: text/plain;charset=UTF-8\r\nOrigin: http://evil.example\r\n", "{\"drain\":false}");

        assertThat(r.status).isEqualTo(415);
        assertThat(r.body).contains("POST /jobs/" + job.getJobID() + "/stop needs Content-Type: application/json (was 'text/plain;charset=utf-8')");
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aPostFromAPageOfAnotherOriginIsRefused() throws Exception {
        Response r = send("POST", "/jobs/" + job.getJobID() + "/savepoints", "localhost:" + server.port(),
                "Content-Type: application/json\r\nOrigin: http://evil.example\r\n", "{}");

        assertThat(r.status).isEqualTo(403);
        assertThat(r.body).contains("Origin 'http://evil.example' is not this Weir (localhost:" + server.port() + ")");
    }

    @Test
    void aRequestWithAForeignHostHeaderIsRefusedAgainstDnsRebinding() throws Exception {
        Response read = send("GET", "/jobs", "rebind.evil.example:" + server.port(), "", null);
        Response cancel = send("PATCH", "/jobs/" + job.getJobID() + "?mode=cancel", "rebind.evil.example:" + server.port(),
                "Content-Type: application/json\r\n", "");

        assertThat(read.status).isEqualTo(403);
        assertThat(read.body).contains("Host 'rebind.evil.example:" + server.port() + "' does not name this Weir")
                .contains("-Drest.address=");
        assertThat(cancel.status).isEqualTo(403);
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void theDashboardsOwnJsonPostWithItsOriginIsServed() throws Exception {
        Response r = send("POST", "/jobs/" + job.getJobID() + "/savepoints", "127.0.0.1:" + server.port(),
                "Content-Type: application/json\r\nOrigin: http://127.0.0.1:" + server.port() + "\r\n", "{\"target-directory\":\"mine\"}");

        assertThat(r.status).isEqualTo(202);
        assertThat(r.body).contains("\"request-id\"");
    }

    @Test
    void withATokenMutatingCallsNeedItAsABearerTokenWhileReadsDoNot() throws Exception {
        try (WebServer guarded = WebServer.start(RestSettings.fromSystemProperties(0).withSavepointRoot(savepointRoot).withAuthToken("s3cret"))) {
            String host = "localhost:" + guarded.port();
            String path = "/jobs/" + job.getJobID() + "/savepoints";
            Response without = send(guarded.port(), "POST", path, host, "Content-Type: application/json\r\n", "{}");
            Response wrong = send(guarded.port(), "POST", path, host, "Content-Type: application/json\r\nAuthorization: Bearer nope\r\n", "{}");
            Response right = send(guarded.port(), "POST", path, host, "Content-Type: application/json\r\nAuthorization: Bearer s3cret\r\n", "{}");
            Response read = send(guarded.port(), "GET", "/jobs", host, "", null);

            assertThat(without.status).isEqualTo(401);
            assertThat(without.body).contains("needs the REST token (rest.auth.token) as 'Authorization: Bearer <token>'");
            assertThat(wrong.status).isEqualTo(401);
            assertThat(wrong.body).contains("the token sent is wrong");
            assertThat(right.status).isEqualTo(202);
            assertThat(read.status).isEqualTo(200);
            assertThat(guarded.tokenGenerated()).isFalse();
        }
    }

    @Test
    void listeningBeyondLoopbackGeneratesATokenAndPutsItInTheDashboardsAddress() {
        try (WebServer open = WebServer.start(RestSettings.fromSystemProperties(0).withSavepointRoot(savepointRoot).withAuthToken(null)
                .withBindAddress("0.0.0.0"))) {
            assertThat(open.tokenGenerated()).isTrue();
            assertThat(open.authToken()).matches("[0-9a-f]{48}");
            assertThat(open.dashboardUrl()).isEqualTo("http://0.0.0.0:" + open.port() + "/#token=" + open.authToken());
        }
    }

    @Test
    void aSavepointTargetOutsideTheSavepointRootIsRefusedWith400AndTheReason() throws Exception {
        Path outside = savepointRoot.getParent().resolve("elsewhere");
        Response absolute = post("/jobs/" + job.getJobID() + "/savepoints", "{\"target-directory\":\"" + outside + "\"}");
        Response climbing = post("/jobs/" + job.getJobID() + "/stop", "{\"targetDirectory\":\"../../tmp/x\"}");

        assertThat(absolute.status).isEqualTo(400);
        assertThat(absolute.body).contains("'target-directory' " + outside + " is outside the savepoint root " + savepointRoot
                + ": savepoints requested over REST go under it (state.savepoints.dir)");
        assertThat(climbing.status).isEqualTo(400);
        assertThat(climbing.body).contains("'targetDirectory' must not contain '..' (was '../../tmp/x')");
        assertThat(Files.exists(outside)).isFalse();
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aSavepointRequestedIntoARelativeFolderIsWrittenUnderTheSavepointRoot() throws Exception {
        Response posted = post("/jobs/" + job.getJobID() + "/savepoints", "{\"target-directory\":\"nightly\"}");
        assertThat(posted.status).isEqualTo(202);
        Matcher id = Pattern.compile("\"request-id\":\"(\\w+)\"").matcher(posted.body);
        assertThat(id.find()).isTrue();
        String location;
        while (true) {
            Response status = send("GET", "/jobs/" + job.getJobID() + "/savepoints/" + id.group(1), "localhost:" + server.port(), "", null);
            Matcher m = Pattern.compile("\"location\":\"([^\"]+)\"").matcher(status.body);
            if (m.find()) {
                location = m.group(1);
                break;
            }
            assertThat(status.body).doesNotContain("failure-cause");
            Thread.sleep(20);
        }
        assertThat(Path.of(location).getParent()).isEqualTo(savepointRoot.resolve("nightly"));
        assertThat(Path.of(location, "_metadata")).exists();
    }

    @Test
    void malformedNestedLongAndMistypedBodiesAre400sNamingTheProblem() throws Exception {
        String path = "/jobs/" + job.getJobID() + "/savepoints";
        Response deep = post(path, "[".repeat(2000) + "]".repeat(2000));
        Response longValue = post(path, "{\"target-directory\":\"" + "a".repeat(5000) + "\"}");
        Response number = post(path, "{\"target-directory\":5}");
        Response object = post(path, "{\"target-directory\":{\"a\":1}}");
        Response quotedBoolean = post(path, "{\"cancel-job\":\"true\"}");
        Response unknown = post(path, "{\"target-dir\":\"x\"}");
        Response broken = post(path, "{\"target-directory\":");

        for (Response r : new Response[] {deep, longValue, number, object, quotedBoolean, unknown, broken}) {
            assertThat(r.status).as(r.body).isEqualTo(400);
            assertThat(r.body).as(r.body).contains("Bad request body for POST " + path + ": ");
        }
        assertThat(number.body).contains("String").contains("line 1, column");
        assertThat(unknown.body).contains("Unrecognized field \\\"target-dir\\\"");
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aFailedTriggerIsAPollableFailureAndTheTableOfRequestsIsBounded() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(1, 2, 3).sinkTo(new DiscardingSink<>());
        JobClient finished = env.executeAsync("finished");
        finished.getJobExecutionResult().get();
        String first = null;
        for (int i = 0; i < SavepointRequests.KEPT + 20; i++) {
            Response r = post("/jobs/" + finished.getJobID() + "/savepoints", "{}");
            assertThat(r.status).isEqualTo(202);
            if (first == null) {
                Matcher m = Pattern.compile("\"request-id\":\"(\\w+)\"").matcher(r.body);
                assertThat(m.find()).isTrue();
                first = m.group(1);
                Response status = send("GET", "/jobs/" + finished.getJobID() + "/savepoints/" + first, "localhost:" + server.port(), "", null);
                assertThat(status.body).contains("\"status\":{\"id\":\"COMPLETED\"}")
                        .contains("\"failure-cause\":{\"class\":\"java.lang.IllegalStateException\",\"stack-trace\":\"Job 'finished' is FINISHED, not RUNNING: no savepoint taken\"}");
            }
        }

        assertThat(server.savepointRequests()).isEqualTo(SavepointRequests.KEPT);
        Response forgotten = send("GET", "/jobs/" + finished.getJobID() + "/savepoints/" + first, "localhost:" + server.port(), "", null);
        assertThat(forgotten.status).isEqualTo(404);
    }

    @Test
    void metricsShowFlinksCheckpointCountersPerJob() throws Exception {
        Response r = send("GET", "/metrics", "localhost:" + server.port(), "", null);
        assertThat(r.body).contains("# TYPE weir_job_numberOfCompletedCheckpoints gauge")
                .contains("weir_job_numberOfFailedCheckpoints{job_id=\"" + job.getJobID() + "\",job_name=\"guarded\"} ")
                .contains("weir_job_numberOfInProgressCheckpoints{job_id=\"" + job.getJobID() + "\"")
                .contains("weir_job_lastCheckpointDuration{").contains("weir_job_lastCheckpointSize{")
                .contains("weir_job_lastCheckpointRestoreTimestamp{job_id=\"" + job.getJobID() + "\",job_name=\"guarded\"} -1");
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return a;
                }
            }
        }
        return null;
    }

    private record Response(int status, String body) {
    }

    private static Response post(String path, String body) throws IOException {
        return send("POST", path, "localhost:" + server.port(), "Content-Type: application/json\r\n", body);
    }

    private static Response send(String method, String path, String host, String headers, String body) throws IOException {
        return send(server.port(), method, path, host, headers, body);
    }

    /** A raw HTTP/1.1 request, so that any Host and Origin can be sent (Java's HTTP client refuses to set Host). */
    private static Response send(int port, String method, String path, String host, String headers, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + headers
                    + (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int start = response.indexOf("\r\n\r\n");
            return new Response(status, start < 0 ? "" : response.substring(start + 4));
        }
    }
}
