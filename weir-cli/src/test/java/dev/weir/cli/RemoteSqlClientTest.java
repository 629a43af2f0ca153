package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.cli.sql.SqlClient;
import dev.weir.web.RestSettings;
import dev.weir.web.WebServer;
import dev.weir.web.rest.RestMessages.JobDetails;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir sql --address}: the client's INSERT runs on a Weir started in the test (its REST server, in this JVM),
 * named by its SQL on that Weir's REST API and dashboard, writing its rows there; SELECT results are refused.
 */
@Timeout(120)
class RemoteSqlClientTest {
    private static final Pattern JOB_ID = Pattern.compile("Job ID: (\\S+)");

    @TempDir
    Path dir;

    private WebServer server;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private SqlClient client;

    @BeforeEach
    void startWeirAndClient() throws IOException {
        server = WebServer.start(0);
        client = new SqlClient(new PrintStream(output, true, StandardCharsets.UTF_8), false)
                .submittingTo(new RestSqlJobs("localhost:" + server.port(), null));
        Path input = Files.write(dir.resolve("in.csv"), List.of("a,1", "b,2", "a,3"));
        assertThat(client.execute("CREATE TABLE src (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '" + input
                + "', 'format' = 'csv')")).isTrue();
        assertThat(client.execute("CREATE TABLE sink (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("out") + "', 'format' = 'csv')")).isTrue();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anInsertRunsOnTheRemoteWeirNamedByItsSqlAndWritesItsRows() throws Exception {
        String insert = "INSERT INTO sink SELECT k, v * 10 FROM src WHERE v > 1";
        assertThat(client.execute(insert)).isTrue();
        Matcher id = JOB_ID.matcher(text());
        assertThat(id.find()).as(text()).isTrue();
        assertThat(text()).contains("[INFO] SQL update statement has been successfully submitted to the cluster:");

        RestClient rest = new RestClient("localhost:" + server.port(), null);
        JobDetails job = rest.get("/jobs/" + id.group(1), JobDetails.class);
        assertThat(job.name()).isEqualTo(insert);
        while (!job.state().equals("FINISHED")) {
            assertThat(job.state()).as("the job's state").isIn("CREATED", "INITIALIZING", "RUNNING");
            Thread.sleep(50);
            job = rest.get("/jobs/" + id.group(1), JobDetails.class);
        }
        assertThat(committedLines(dir.resolve("out"))).containsExactlyInAnyOrder("b,20", "a,30");

        output.reset();
        assertThat(client.execute("SHOW JOBS")).isTrue();
        assertThat(text()).contains("| " + id.group(1) + " | " + insert + " | FINISHED |");
    }

    @Test
    void aSelectIsRefusedNamingWhatToWriteInsteadAndTheSessionGoesOn() {
        assertThat(client.execute("SELECT * FROM src")).isFalse();
        assertThat(text()).contains("[ERROR] Could not execute SQL statement. Reason:\n"
                + "java.lang.UnsupportedOperationException: SELECT results are not collected from a remote Weir (--address "
                + "http://localhost:" + server.port() + "): write INSERT INTO a sink table (print, filesystem, kafka, ...) to "
                + "run the query there, or start `weir sql` without --address to see the rows here");
        assertThat(client.execute("SHOW TABLES")).isTrue();
    }

    @Test
    void aMistakeInAnInsertIsShownWithItsCaretAndNothingIsSubmitted() {
        assertThat(client.execute("INSERT INTO sink SELECT k, nope FROM src")).isFalse();
        assertThat(text()).contains("Column 'nope' not found").contains("^").doesNotContain("Job ID");
    }

    @Test
    void aWeirThatRequiresARestTokenStartsNoJobWithoutIt() throws Exception {
        try (WebServer guarded = WebServer.start(RestSettings.fromSystemProperties(0).withAuthToken("s3cret"))) {
            SqlClient noToken = new SqlClient(new PrintStream(output, true, StandardCharsets.UTF_8), false)
                    .submittingTo(new RestSqlJobs("localhost:" + guarded.port(), null));
            assertThat(noToken.execute("CREATE TABLE t (v INT) WITH ('connector' = 'blackhole')")).isTrue();
            assertThat(noToken.execute("INSERT INTO t VALUES (1)")).isFalse();
            assertThat(text()).contains("refused the request (401): POST /sql/jobs needs the REST token (rest.auth.token)")
                    .doesNotContain("Job ID");
            SqlClient withToken = new SqlClient(new PrintStream(output, true, StandardCharsets.UTF_8), false)
                    .submittingTo(new RestSqlJobs("localhost:" + guarded.port(), "s3cret"));
            assertThat(withToken.execute("CREATE TABLE t (v INT) WITH ('connector' = 'blackhole')")).isTrue();
            assertThat(withToken.execute("INSERT INTO t VALUES (1)")).isTrue();
            assertThat(text()).contains("Job ID: ");
        }
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static List<String> committedLines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        return lines;
    }
}
