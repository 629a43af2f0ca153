package dev.weir.cli;

import dev.weir.testing.LocalPorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.status.WeirVersion;
import dev.weir.web.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WeirCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldErr;
    private PrintStream oldOut;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
        System.setOut(oldOut);
    }

    @Test
    void listAgainstAnAddressWhereNothingListensExitsWithFiveAndSaysWhatToDo() throws Exception {
        int port = LocalPorts.pick();
        assertThat(Weir.execute("list", "--address", "localhost:" + port)).isEqualTo(5);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("weir: Cannot reach Weir at http://localhost:" + port)
                .contains("pass --address HOST:PORT");
    }

    @Test
    void everythingAfterTheJobsClassGoesToTheJobEvenWhatLooksLikeAWeirOption() throws Exception {
        int port = LocalPorts.pick();
        assertThat(Weir.execute("run", "--port", Integer.toString(port), ArgsRecordingJob.class.getName(),
                "--hostname", "localhost", "--port", "9000", "-p", "3")).isZero();
        assertThat(ArgsRecordingJob.received).containsExactly("--hostname", "localhost", "--port", "9000", "-p", "3");
    }

    @Test
    void versionPrintsTheVersionTheBuildWroteIntoWeirCore() {
        assertThat(Weir.execute("--version")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("weir " + WeirVersion.get() + System.lineSeparator());
    }

    @Test
    void runWithAMissingJarExitsWithThree() {
        assertThat(Weir.execute("run", "no-such-job.jar")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-job.jar does not exist");
    }

    @Test
    void runWithAClassWithoutMainExitsWithThree() {
        assertThat(Weir.execute("run", "java.util.ArrayList")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Class java.util.ArrayList has no public static void main(String[])");
    }

    @Test
    void runWithAnUnknownClassExitsWithThree() {
        assertThat(Weir.execute("run", "com.example.Nope")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Class com.example.Nope not found on the class path");
    }

    @Test
    void demoOnATakenPortExitsWithFourNamingTheFlag() {
        try (WebServer taken = WebServer.start(0)) {
            assertThat(Weir.execute("demo", "--port", Integer.toString(taken.port()))).isEqualTo(4);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Port " + taken.port() + " is already in use").contains("--port");
        }
    }

    @Test
    void theDemosAlertDatabaseIsCheckedBeforeAnythingStarts() {
        assertThat(Weir.execute("demo", "--port", "0", "--jdbc-url", "jdbc:mysql://localhost/x")).isEqualTo(2);
        assertThat(Weir.execute("demo", "--port", "0", "--jdbc-url", "jdbc:postgresql://localhost:1/x", "--embedded-postgres")).isEqualTo(2);
        assertThat(Weir.execute("demo", "--port", "0", "--jdbc-url", "jdbc:postgresql://localhost:1/x?user=u")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("weir: --jdbc-url must be a PostgreSQL URL (jdbc:postgresql://host:5432/db?user=...&password=...): the demo "
                        + "writes its alerts exactly once through PostgreSQL's XA data source; got jdbc:mysql://localhost/x")
                .contains("weir: --jdbc-url and --embedded-postgres both name the alerts' database; pass one of them")
                .contains("weir: Could not create the table weir_demo_alerts at jdbc:postgresql://localhost:1/x?user=u: ")
                .contains("Check the URL, the user's rights, and that PostgreSQL is reachable.")
                .doesNotContain("\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("no dashboard was started").doesNotContain("Weir dashboard:");
    }

    @Test
    void cancelOfAnUnknownJobExitsWithSix() {
        try (WebServer server = WebServer.start(0)) {
            assertThat(Weir.execute("cancel", "--address", "localhost:" + server.port(), "0123")).isEqualTo(6);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Job 0123 not found");
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"demo", "run", "list", "cancel", "savepoint", "stop"}) {
            assertThat(Weir.execute(command, "--help")).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: weir demo").contains("Usage: weir stop");
    }

    @Test
    void aMalformedAddressIsABadCommandLineThatSaysWhatIsWrong() {
        assertThat(Weir.execute("list", "--address", "localhost:abc")).isEqualTo(2);
        assertThat(Weir.execute("list", "--address", "local host:8081")).isEqualTo(2);
        assertThat(Weir.execute("list", "--address", "localhost:70000")).isEqualTo(2);
        assertThat(Weir.execute("list", "--address", "localhost")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("weir: Bad --address 'localhost:abc': no host name, or a port that is not a number; pass HOST:PORT, e.g. localhost:8081")
                .contains("weir: Bad --address 'local host:8081': ")
                .contains("weir: Bad --address 'localhost:70000': port 70000 is not in 1-65535")
                .contains("weir: Bad --address 'localhost': no port")
                .doesNotContain("\tat ");
    }

    @Test
    void aPortOutOfRangeIsABadCommandLine() {
        assertThat(Weir.execute("demo", "--port", "70000")).isEqualTo(2);
        assertThat(Weir.execute("run", "java.util.ArrayList", "--port", "-1")).isIn(2, 3);
        assertThat(Weir.execute("demo", "--port", "eighty")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("weir: --port must be in 0-65535 (0 picks a free port); got 70000")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnknownRouteIsReportedAsSuchNotAsNoSuchJob() throws Exception {
        com.sun.net.httpserver.HttpServer other = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "Not Found".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            assertThat(Weir.execute("list", "--address", "127.0.0.1:" + other.getAddress().getPort())).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no GET /jobs/overview (404): is it a Weir of the same version?");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void theRemoteCommandsSendTheTokenAWeirRequires() {
        try (WebServer server = WebServer.start(dev.weir.web.RestSettings.fromSystemProperties(0).withAuthToken("t0ken"))) {
            String address = "localhost:" + server.port();
            assertThat(Weir.execute("cancel", "--address", address, "0123")).isEqualTo(1);
            assertThat(Weir.execute("cancel", "--address", address, "--token", "t0ken", "0123")).isEqualTo(6);

            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("refused the request (401): PATCH /jobs/0123 needs the REST token (rest.auth.token)")
                    .contains("Job 0123 not found");
        }
    }

    @Test
    void anUnknownOptionIsABadCommandLine() {
        assertThat(Weir.execute("list", "--bogus")).isEqualTo(2);
    }
}
