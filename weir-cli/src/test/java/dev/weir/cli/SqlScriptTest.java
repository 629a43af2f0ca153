package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code weir sql -f script.sql}: every statement echoed and run, results printed as tables, stopping at an error. */
@Timeout(120)
class SqlScriptTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldOut;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
    }

    @Test
    void aScriptRunsEveryStatementAndStopsAtTheFirstErrorWithACaretUnderIt() throws Exception {
        Path csv = Files.write(dir.resolve("t.csv"), List.of("a,1", "b,2", "a,3"));
        Path script = Files.write(dir.resolve("script.sql"), List.of(
                "-- a comment line",
                "SET 'parallelism.default' = '1';",
                "CREATE TABLE t (k STRING, v INT)",
                "  WITH ('connector' = 'filesystem', 'path' = '" + csv + "', 'format' = 'csv');",
                "SELECT k, SUM(v) AS s FROM t GROUP BY k;",
                "SELECT k,",
                "  nope FROM t;",
                "SHOW TABLES;"));
        assertThat(Weir.execute("sql", "-f", script.toString())).isEqualTo(1);
        String expected = String.join("\n",
                "Weir SQL> SET 'parallelism.default' = '1';",
                "[INFO] Execute statement succeeded.",
                "",
                "Weir SQL> CREATE TABLE t (k STRING, v INT)",
                ">   WITH ('connector' = 'filesystem', 'path' = '" + csv + "', 'format' = 'csv');",
                "[INFO] Execute statement succeeded.",
                "",
                "Weir SQL> SELECT k, SUM(v) AS s FROM t GROUP BY k;",
                "+----+--------------------------------+-------------+",
                "| op |                              k |           s |",
                "+----+--------------------------------+-------------+",
                "| +I |                              a |           1 |",
                "| +I |                              b |           2 |",
                "| -U |                              a |           1 |",
                "| +U |                              a |           4 |",
                "+----+--------------------------------+-------------+",
                "Received a total of 4 rows",
                "",
                "Weir SQL> SELECT k,",
                ">   nope FROM t;",
                "[ERROR] Could not execute SQL statement. Reason:",
                "dev.weir.table.api.ValidationException: SQL validation failed. From line 2, column 3 to line 2, column 6: "
                        + "Column 'nope' not found in any table",
                "  nope FROM t",
                "  ^",
                "",
                "[ERROR] The statement at line 6 of script.sql failed; the script stops here.",
                "");
        assertThat(out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n")).isEqualTo(expected);
    }

    @Test
    void aNexmarkScriptRunsItsInsertToTheEndWithDmlSync() throws Exception {
        Path nexmark = Path.of("..", "weir-examples", "src", "main", "resources", "nexmark");
        String ddl = Files.readString(nexmark.resolve("ddl.sql")).replace("'events.num' = '1000000'", "'events.num' = '5000'");
        Path init = Files.writeString(dir.resolve("ddl.sql"), ddl);
        assertThat(Weir.execute("sql", "-i", init.toString(), "-f", nexmark.resolve("q2.sql").toString())).isEqualTo(0);
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("[INFO] SQL update statement has been successfully submitted to the cluster:")
                .endsWith("[INFO] Complete execution of the SQL update statement." + System.lineSeparator()
                        + System.lineSeparator());
    }
}
