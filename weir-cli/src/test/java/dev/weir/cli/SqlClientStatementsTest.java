package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.cli.sql.SqlClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL client's result modes and job statements as Flink's client prints them: {@code changelog} with the {@code op}
 * column, {@code SHOW JOBS} and {@code DESCRIBE JOB} with the start time, {@code SHOW CREATE TABLE} as plain text.
 */
@Timeout(120)
class SqlClientStatementsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private SqlClient client;

    @BeforeEach
    void session() throws Exception {
        client = new SqlClient(new PrintStream(buffer, true, StandardCharsets.UTF_8), false);
        Path csv = Files.write(dir.resolve("t.csv"), List.of("a,1", "b,2", "a,3"));
        assertThat(client.execute("SET 'parallelism.default' = '1'")).isTrue();
        assertThat(client.execute("CREATE TABLE t (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '" + csv
                + "', 'format' = 'csv')")).isTrue();
        buffer.reset();
    }

    private String output() {
        String text = buffer.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        buffer.reset();
        return text;
    }

    @Test
    void changelogModeShowsEveryChangeWithTheOpColumnFirst() {
        client.execute("SET 'sql-client.execution.result-mode' = 'changelog'");
        output();
        assertThat(client.execute("SELECT k, SUM(v) AS s FROM t GROUP BY k")).isTrue();
        assertThat(output()).isEqualTo(String.join("\n",
                " op                              k           s",
                " +I                              a           1",
                " +I                              b           2",
                " -U                              a           1",
                " +U                              a           4",
                "Received a total of 4 rows",
                "", ""));
    }

    @Test
    void showJobsAndDescribeJobListIdNameStatusAndStartTime() throws Exception {
        client.execute("CREATE TABLE sink (k STRING, v INT) WITH ('connector' = 'blackhole')");
        client.execute("SET 'table.dml-sync' = 'true'");
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        output();
        assertThat(client.execute("INSERT INTO sink SELECT k, v FROM t")).isTrue();
        LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC);
        Matcher submitted = Pattern.compile("Job ID: (\\w+)").matcher(output());
        assertThat(submitted.find()).isTrue();
        String id = submitted.group(1);

        assertThat(client.execute("SHOW JOBS")).isTrue();
        String jobs = output();
        Pattern row = Pattern.compile("\\| " + id + " \\| insert-into_default_catalog\\.default_database\\.sink \\| FINISHED \\| "
                + "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\|");
        Matcher m = row.matcher(jobs);
        assertThat(m.find()).as(jobs).isTrue();
        LocalDateTime start = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
        assertThat(start).isBetween(before, after);
        String border = "+----------------------------------+---------------------------------------------------+----------+"
                + "-------------------------+";
        assertThat(jobs).isEqualTo(String.join("\n", border,
                "|                           job id |                                          job name |   status |"
                        + "              start time |",
                border,
                "| " + id + " | insert-into_default_catalog.default_database.sink | FINISHED | " + m.group(1) + " |",
                border, "1 row in set", "", ""));

        assertThat(client.execute("DESCRIBE JOB '" + id + "'")).isTrue();
        assertThat(output()).isEqualTo(jobs);
        assertThat(client.execute("DESC JOB 'nope'")).isFalse();
        assertThat(output()).isEqualTo("[ERROR] Could not execute SQL statement. Reason:\n"
                + "java.lang.IllegalArgumentException: No job 'nope' was submitted in this session; SHOW JOBS lists them\n\n");
    }

    @Test
    void aJobIsNamedByPipelineNameWhenTheSessionSetsIt() throws Exception {
        client.execute("CREATE TABLE sink (k STRING, v INT) WITH ('connector' = 'blackhole')");
        client.execute("SET 'table.dml-sync' = 'true'");
        client.execute("SET 'pipeline.name' = 'nightly load'");
        client.execute("INSERT INTO sink SELECT k, v FROM t");
        output();
        client.execute("SHOW JOBS");
        assertThat(output()).contains(" | nightly load | FINISHED | ");
    }

    @Test
    void showCreateTablePrintsTheStatementAsPlainText() {
        assertThat(client.execute("SHOW CREATE TABLE t")).isTrue();
        assertThat(output()).isEqualTo(String.join("\n",
                "CREATE TABLE `default_catalog`.`default_database`.`t` (",
                "  `k` VARCHAR(2147483647),",
                "  `v` INT",
                ") WITH (",
                "  'connector' = 'filesystem',",
                "  'path' = '" + dir.resolve("t.csv") + "',",
                "  'format' = 'csv'",
                ")",
                "", ""));
    }
}
