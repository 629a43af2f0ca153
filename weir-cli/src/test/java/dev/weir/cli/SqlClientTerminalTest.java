package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir sql} as a person uses it: the client runs in a tmux pane (a real terminal), the test types statements
 * with {@code send-keys} and reads the screen with {@code capture-pane}. Skipped where tmux is not installed
 * ({@code .ci/run} installs it).
 */
@Timeout(180)
class SqlClientTerminalTest {
    private static final long SCREEN_TIMEOUT_MS = 90_000;

    @TempDir
    Path dir;

    private final String session = "weir-sql-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void killSession() throws Exception {
        tmux("kill-session", "-t", session);
    }

    @Test
    void aPersonTypesMultiLineStatementsSeesResultsInEveryModeAndErrorsWithACaretAndTheClientKeepsGoing() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed");
        Path csv = Files.write(dir.resolve("t.csv"), List.of("a,1", "b,2", "a,3"));
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        // The shell outlives the client, so that the screen it left stays to be read after QUIT (the session ends
        // with its last process, and the tmux server with its last session); killSession ends it.
        Path launcher = Files.writeString(dir.resolve("client.sh"), "#!/bin/sh\n'" + java + "' -cp '" + classpath
                + "' -Duser.home='" + dir + "' dev.weir.cli.Weir sql\nsleep 600\n");
        launcher.toFile().setExecutable(true);
        assertThat(tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "50", launcher.toString())).isZero();
        awaitScreen("Weir SQL>");

        type("CREATE TABLE t (k STRING, v INT)");
        awaitScreen("> ");
        type("  WITH ('connector' = 'filesystem', 'path' = '" + csv + "', 'format' = 'csv');");
        awaitScreen("[INFO] Execute statement succeeded.");

        type("SELECT k, nope FROM t;");
        // The caret comes after the message: wait for both, since a loaded machine may show the screen in between.
        awaitScreen("Column 'nope' not found in any table");
        awaitScreen("SELECT k, nope FROM t\n          ^");

        type("SET 'sql-client.execution.result-mode' = 'tableau';");
        type("SET 'parallelism.default' = '1';");
        type("SELECT k, SUM(v) AS s FROM t GROUP BY k;");
        awaitScreen("Received a total of 4 rows");
        assertThat(screen()).contains("| -U |                              a |           1 |",
                "| +U |                              a |           4 |");

        type("SET 'sql-client.execution.result-mode' = 'table';");
        type("CLEAR;");
        type("SELECT k, SUM(v) AS s FROM t GROUP BY k;");
        // The table is redrawn after each change, and "2 rows in set" already shows after the two inserts: wait for
        // the last change's row, then the whole final table is on the screen.
        awaitScreen("| a | 4 |");
        assertThat(screen()).contains("| a | 4 |", "| b | 2 |", "2 rows in set").doesNotContain("| a | 1 |");

        type("SET 'sql-client.execution.result-mode' = 'changelog';");
        type("SELECT k, SUM(v) AS s FROM t GROUP BY k;");
        // Only the changelog view prints these lines (tableau's have borders): wait for the whole block, then it is there.
        awaitScreen(String.join("\n",
                " op                              k           s",
                " +I                              a           1",
                " +I                              b           2",
                " -U                              a           1",
                " +U                              a           4",
                "Received a total of 4 rows"));

        type("SHOW TABLES;");
        awaitScreen("|          t |");
        type("QUIT;");
        awaitScreen("Shutting down the session...");
    }

    private void type(String line) throws Exception {
        // tmux reads a ';' ending an argument as its own command separator; "\\;" is a literal one.
        String keys = line.endsWith(";") ? line.substring(0, line.length() - 1) + "\\;" : line;
        assertThat(tmux("send-keys", "-t", session, "-l", keys)).isZero();
        assertThat(tmux("send-keys", "-t", session, "Enter")).isZero();
    }

    private String screen() throws Exception {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-J", "-S", "-200", "-t", session)
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return text;
    }

    /** Waits until the screen shows {@code text}; only a guard against a hang, never a measure of speed. */
    private void awaitScreen(String text) throws Exception {
        long deadline = System.currentTimeMillis() + SCREEN_TIMEOUT_MS;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            last = screen();
            if (last.contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The screen never showed '" + text + "'; it shows:\n" + last);
    }

    private static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int tmux(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "tmux";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
