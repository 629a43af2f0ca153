package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.cli.sql.SqlClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXPLAIN in the SQL client prints the plan as plain text, as Flink's client does, not inside a one-cell table. */
class SqlClientExplainTest {
    @TempDir
    Path dir;

    @Test
    void explainPrintsThePlanAsPlainText() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SqlClient client = new SqlClient(new PrintStream(buffer, true, StandardCharsets.UTF_8), false);
        Path csv = Files.write(dir.resolve("t.csv"), List.of("a,1"));
        client.execute("CREATE TABLE t (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '" + csv + "', 'format' = 'csv')");
        buffer.reset();
        client.execute("EXPLAIN SELECT k FROM t WHERE v > 0");
        assertThat(buffer.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n")).isEqualTo(String.join("\n",
                "== Abstract Syntax Tree ==",
                "LogicalProject(k=[$0])",
                "  LogicalFilter(condition=[>($1, 0)])",
                "    LogicalTableScan(table=[[t]])",
                "",
                "== Weir Operators ==",
                "TableSourceScan(table=[t], connector=[filesystem], fields=[k, v])",
                "Calc(select=[k], where=[>(v, 0)])",
                "Collect (insert-only)",
                "", "", ""));
    }
}
