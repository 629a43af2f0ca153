package dev.weir.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.core.execution.JobClient;
import dev.weir.api.common.JobStatus;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Against hangs only, as the request timeout below: at load ~90 with two modules' tests at once (-T2) one request
// went unanswered for 10 s.
@Timeout(180)
class RestApiTest {
    private static WebServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path savepointRoot;

    @BeforeAll
    static void start() {
        server = WebServer.start(RestSettings.fromSystemProperties(0).withSampleMillis(100).withSavepointRoot(savepointRoot));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** source (1) -rebalance-> map (2) -hash-> process (2) -rebalance-> sink (1). */
    private static JobClient submit(long events, double perSecond, String name) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSource(new DataGeneratorSource<>(i -> i, events, perSecond > 0 ? RateLimiterStrategy.perSecond(perSecond) : RateLimiterStrategy.noOp()),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v * 10), "Numbers").setParallelism(1)
                .map(v -> v + 1).name("Plus One")
                .keyBy(v -> v % 4)
                .process(new KeyedProcessFunction<Long, Long, Long>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<Long> out) {
                        out.collect(value);
                    }
                }).name("Pass")
                .sinkTo(new DiscardingSink<>()).name("Discard").setParallelism(1);
        return env.executeAsync(name);
    }

    @Test
    void aFinishedJobShowsItsChainedGraphWithParallelismEdgeKindsAndExactRecordCounts() throws Exception {
        JobClient job = submit(10_000, 0, "counted");
        job.getJobExecutionResult().get();
        String id = job.getJobID().toString();
        String details = get("/jobs/" + id);
        assertThat(details).contains("\"state\":\"FINISHED\"");
        assertThat(count(details, "\"parallelism\":", "\"maxParallelism\"")).isEqualTo(4);
        assertThat(all(details, "\"name\":\"([^\"]+)\",\"parallelism\":(\\d)")).isEqualTo("Numbers=1,Plus One=2,Pass=2,Discard=1");
        assertThat(all(details, "\"ship_strategy\":\"(\\w+)\",\"side_output\":(null)")).isEqualTo("REBALANCE=null,HASH=null,REBALANCE=null");
        assertThat(all(details, "\"read-records\":(\\d+),\"write-records\":(\\d+)"))
                .isEqualTo("10000=10000,10000=10000,10000=10000,10000=0");
        assertThat(get("/jobs")).contains("{\"id\":\"" + id + "\",\"status\":\"FINISHED\"}");
        assertThat(get("/overview")).contains("\"jobs-finished\":");
    }

    @Test
    void aRunningJobsWatermarksAdvanceAndItCanBeCancelledOverRest() throws Exception {
        JobClient job = submit(Long.MAX_VALUE, 2000, "running");
        String id = job.getJobID().toString();
        String vertices = get("/jobs/" + id);
        Matcher passVertex = Pattern.compile("\"id\":\"(\\d+)\",\"name\":\"Pass\"").matcher(vertices);
        assertThat(passVertex.find()).isTrue();
        String path = "/jobs/" + id + "/vertices/" + passVertex.group(1) + "/watermarks";
        long first = waitForWatermark(path, Long.MIN_VALUE);
        long later = waitForWatermark(path, first);
        assertThat(later).isGreaterThan(first);
        assertThat(get(path)).startsWith("[{\"id\":\"0.currentInputWatermark\",\"value\":\"").contains("{\"id\":\"1.currentInputWatermark\"");
        assertThat(get("/metrics")).contains("weir_task_records_in_total{job_id=\"" + id + "\"");

        HttpResponse<String> cancel = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/jobs/" + id + "?mode=cancel"))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cancel.statusCode()).isEqualTo(202);
        job.getJobExecutionResult().handle((r, t) -> null).get();
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
        assertThat(get("/jobs/" + id)).contains("\"state\":\"CANCELED\"");
    }

    @Test
    void aSavepointAndAStopWithSavepointOverRestWriteCompletedSavepoints() throws Exception {
        JobClient job = submit(Long.MAX_VALUE, 2000, "savepointed");
        String id = job.getJobID().toString();
        waitForRunning(id);
        String location = savepoint("/jobs/" + id + "/savepoints", "{\"target-directory\":\"savepoints\",\"cancel-job\":false}", id);
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(location, "_metadata"))).as(location).isTrue();
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);

        String stopped = savepoint("/jobs/" + id + "/stop", "{\"targetDirectory\":\"savepoints\",\"drain\":false}", id);
        assertThat(stopped).isNotEqualTo(location);
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(stopped, "_metadata"))).isTrue();
        job.getJobExecutionResult().handle((r, t) -> null).get();
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        assertThat(get("/jobs/" + id + "/checkpoints")).contains("\"is_savepoint\":true");
    }

    /** Posts a savepoint request and polls it until it completes; returns the savepoint's location. */
    private static String savepoint(String path, String body, String id) throws Exception {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        Matcher request = Pattern.compile("\"request-id\":\"(\\w+)\"").matcher(posted.body());
        assertThat(request.find()).as(posted.body()).isTrue();
        for (int i = 0; i < 300; i++) {
            String status = get("/jobs/" + id + "/savepoints/" + request.group(1));
            Matcher location = Pattern.compile("\"location\":\"([^\"]+)\"").matcher(status);
            if (location.find()) {
                return location.group(1);
            }
            assertThat(status).doesNotContain("failure-cause");
            Thread.sleep(50);
        }
        throw new AssertionError("savepoint " + request.group(1) + " did not complete");
    }

    private static void waitForRunning(String id) throws Exception {
        for (int i = 0; i < 200 && !get("/jobs/" + id).contains("\"state\":\"RUNNING\""); i++) {
            Thread.sleep(25);
        }
    }

    @Test
    void anUnknownJobIsA404ThatSaysWhereToLook() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/jobs/nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"errors\":[\"Job nope not found: GET /jobs lists the jobs of this Weir\"]}");
    }

    @Test
    void aTakenPortIsRefusedNamingTheFlag() {
        try (WebServer second = WebServer.start(server.port())) {
            throw new AssertionError("started twice on " + second.port());
        } catch (WebServer.PortInUseException e) {
            assertThat(e.getMessage()).startsWith("Port " + server.port() + " is already in use").contains("--port");
        }
    }

    private static long waitForWatermark(String path, long above) throws Exception {
        Pattern p = Pattern.compile("\"value\":\"(-?\\d+)\"");
        while (true) {
            Matcher m = p.matcher(get(path));
            long min = Long.MAX_VALUE;
            while (m.find()) {
                min = Math.min(min, Long.parseLong(m.group(1)));
            }
            if (min != Long.MAX_VALUE && min > above && min != Long.MIN_VALUE) {
                return min;
            }
            Thread.sleep(50);
        }
    }

    private static int count(String s, String a, String b) {
        return Pattern.compile(Pattern.quote(a) + "\\d+," + Pattern.quote(b)).matcher(s).results().mapToInt(r -> 1).sum();
    }

    private static String all(String s, String regex) {
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile(regex).matcher(s);
        while (m.find()) {
            sb.append(sb.length() == 0 ? "" : ",").append(m.group(1)).append('=').append(m.group(2));
        }
        return sb.toString();
    }

    private static String base() {
        return "http://localhost:" + server.port();
    }

    private static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(45)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
