package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.cli.sql.SqlClient;
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
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code STOP JOB '<id>' WITH SAVEPOINT} in the SQL client, as in Flink's: the savepoint goes into the session's
 * {@code execution.checkpointing.savepoint-dir}, its path is printed as a one-column table, and an INSERT started
 * after {@code SET 'execution.savepoint.path'} continues from it, so the exactly-once file sink holds every row once.
 */
@Timeout(180)
class SqlStopJobWithSavepointTest {
    private static final int ROWS = 1000;
    private static final long WAIT_MS = 120_000;
    private static final Pattern JOB_ID = Pattern.compile("Job ID: ([0-9a-f]+)");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final SqlClient client = new SqlClient(new PrintStream(buffer, true, StandardCharsets.UTF_8), false);

    @Test
    void anInsertStoppedWithASavepointAndRestoredFromItWritesEveryRowExactlyOnce() throws Exception {
        Path out = dir.resolve("out");
        Path savepoints = dir.resolve("savepoints");
        run("SET 'parallelism.default' = '1'");
        run("SET 'execution.checkpointing.interval' = '100 ms'");
        run("SET 'pipeline.name' = 'numbers to file'");
        // 50 s for all rows: the job is still running when it is stopped, however loaded the machine.
        run(numbersTable(20));
        run("CREATE TABLE out (n BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + out + "', 'format' = 'csv')");
        Matcher submitted = JOB_ID.matcher(run("INSERT INTO out SELECT n FROM numbers"));
        assertThat(submitted.find()).isTrue();
        String id = submitted.group(1);
        awaitRowsWritten(out);

        String stop = "STOP JOB '" + id + "' WITH SAVEPOINT";
        assertThat(run(stop)).isEqualTo(String.join("\n",
                "[ERROR] Could not execute SQL statement. Reason:",
                "java.lang.IllegalArgumentException: STOP JOB '" + id + "' WITH SAVEPOINT needs a savepoint directory and the "
                        + "session names none; SET 'execution.checkpointing.savepoint-dir' = '<directory>' (or Flink 1.x's "
                        + "'state.savepoints.dir') first, then stop the job again",
                "", ""));

        run("SET 'execution.checkpointing.savepoint-dir' = '" + savepoints + "'");
        String stopped = run(stop);
        assertThat(stopped.lines().count()).as(stopped).isEqualTo(7);
        String savepoint = stopped.lines().toList().get(3).replaceAll("^\\|\\s*|\\s*\\|$", "");
        // The savepoint's folder is named after the job, which 'pipeline.name' names as in Flink.
        assertThat(savepoint).startsWith(savepoints.resolve("savepoint-numbers_to_file-" + id + "-").toString());
        assertThat(stopped).isEqualTo(oneColumnTable("savepoint path", savepoint) + "\n");
        assertThat(run("SHOW JOBS")).contains("| " + id + " |").contains("FINISHED |");

        // The same INSERT on a faster source of the same plan, restored as in Flink's SQL client.
        run("DROP TABLE numbers");
        run(numbersTable(1_000_000));
        run("SET 'execution.savepoint.path' = '" + savepoint + "'");
        run("SET 'table.dml-sync' = 'true'");
        assertThat(run("INSERT INTO out SELECT n FROM numbers")).endsWith("[INFO] Complete execution of the SQL update statement.\n\n");

        // The stopped job's in-progress part file was in the savepoint: the restored job resumes and commits it, so no
        // row is lost or written twice, and no file is left in progress (a job started afresh would leave it behind).
        assertThat(committedRows(out)).isEqualTo(LongStream.rangeClosed(1, ROWS).boxed().toList());
        assertThat(linesIn(out)).isEqualTo(ROWS);
    }

    private static String numbersTable(int rowsPerSecond) {
        return "CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '" + rowsPerSecond
                + "', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '" + ROWS + "')";
    }

    /** Runs one statement; what the client printed for it. */
    private String run(String sql) {
        buffer.reset();
        client.execute(sql);
        return buffer.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static String oneColumnTable(String header, String value) {
        int width = Math.max(header.length(), value.length());
        String border = "+" + "-".repeat(width + 2) + "+";
        return String.join("\n", border, "| " + " ".repeat(width - header.length()) + header + " |", border,
                "| " + " ".repeat(width - value.length()) + value + " |", border, "1 row in set", "");
    }

    /**
     * Waits until the sink has written rows into its in-progress part file (a row-format file sink commits it when it
     * rolls, as in Flink, not at each checkpoint), so the job is stopped part-way; only a guard against a hang.
     */
    private void awaitRowsWritten(Path out) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (linesIn(out) == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("The INSERT wrote no rows to " + out + " in " + WAIT_MS + " ms");
            }
            Thread.sleep(50);
        }
    }

    private static long linesIn(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        long lines = 0;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                lines += Files.readAllLines(file).size();
            }
        }
        return lines;
    }

    /** The rows of the sink's committed part files (in-progress files start with a dot), sorted. */
    private static List<Long> committedRows(Path out) throws IOException {
        List<Long> rows = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return rows;
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().startsWith("part-")).toList()) {
                Files.readAllLines(file).forEach(line -> rows.add(Long.parseLong(line)));
            }
        }
        rows.sort(null);
        return rows;
    }
}
