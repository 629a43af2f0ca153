package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.status.WeirVersion;
import dev.weir.web.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
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
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(Weir.execute("list", "--address", "localhost:" + port)).isEqualTo(5);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("weir: Cannot reach Weir at http://localhost:" + port)
                .contains("pass --address HOST:PORT");
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
    void anUnknownOptionIsABadCommandLine() {
        assertThat(Weir.execute("list", "--bogus")).isEqualTo(2);
    }
}
