package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.StatementSet;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT INTO the filesystem connector (csv and json), statement sets, EXPLAIN, and sinks that refuse updates. */
class SqlSinksTest {
    @TempDir
    Path dir;

    private TableEnvironment ordersEnv() throws IOException {
        TableEnvironment env = SqlTestSupport.env();
        Path in = csv(dir, "orders", "1,apple,3,2020-01-01 10:00:00", "2,pear,5,2020-01-01 10:00:30", "3,plum,7,2020-01-01 10:01:10");
        env.executeSql("CREATE TABLE orders (id INT, item STRING, qty INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv')");
        return env;
    }

    private static List<String> lines(Path directory) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
                all.addAll(Files.readAllLines(p));
            }
        }
        all.sort(null);
        return all;
    }

    @Test
    void insertIntoAJsonTableWritesOneObjectPerRowAndReadsBack() throws Exception {
        TableEnvironment env = ordersEnv();
        Path out = dir.resolve("json-out");
        env.executeSql("CREATE TABLE big (id INT, item STRING, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '"
                + out + "', 'format' = 'json')");
        env.executeSql("INSERT INTO big SELECT id, UPPER(item), ts FROM orders WHERE qty > 3").await();
        assertThat(lines(out)).containsExactly("{\"id\":2,\"item\":\"PEAR\",\"ts\":\"2020-01-01 10:00:30\"}",
                "{\"id\":3,\"item\":\"PLUM\",\"ts\":\"2020-01-01 10:01:10\"}");
        assertThat(rows(env, "SELECT id, item, ts FROM big")).containsExactlyInAnyOrder("+I[2, PEAR, 2020-01-01T10:00:30]",
                "+I[3, PLUM, 2020-01-01T10:01:10]");
    }

    @Test
    void aStatementSetRunsSeveralInsertsAsOneJob() throws Exception {
        TableEnvironment env = ordersEnv();
        Path small = dir.resolve("small");
        Path perMinute = dir.resolve("per-minute");
        env.executeSql("CREATE TABLE small (id INT) WITH ('connector' = 'filesystem', 'path' = '" + small + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE per_minute (m STRING, total INT) WITH ('connector' = 'filesystem', 'path' = '" + perMinute
                + "', 'format' = 'csv')");
        StatementSet set = env.createStatementSet()
                .addInsertSql("INSERT INTO small SELECT id FROM orders WHERE qty < 5")
                .addInsertSql("INSERT INTO per_minute SELECT DATE_FORMAT(window_start, 'HH:mm'), SUM(qty) FROM TABLE("
                        + "TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end");
        set.execute().await();
        assertThat(lines(small)).containsExactly("1");
        assertThat(lines(perMinute)).containsExactly("10:00,8", "10:01,7");
    }

    @Test
    void theFilesystemSinkRefusesAnUpdatingQueryAtPlanning() throws Exception {
        TableEnvironment env = ordersEnv();
        env.executeSql("CREATE TABLE counts (item STRING, c BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("counts") + "', 'format' = 'csv')");
        assertThatThrownBy(() -> env.executeSql("INSERT INTO counts SELECT item, COUNT(*) FROM orders GROUP BY item"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("doesn't support consuming update changes");
    }

    @Test
    void aSinkWithADifferentNumberOfColumnsIsRefusedNamingBothSchemas() throws Exception {
        TableEnvironment env = ordersEnv();
        env.executeSql("CREATE TABLE two (a INT, b STRING) WITH ('connector' = 'blackhole')");
        assertThatThrownBy(() -> env.executeSql("INSERT INTO two SELECT id FROM orders")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Different number of columns").hasMessageContaining("Query schema: [id]")
                .hasMessageContaining("Sink schema:  [a, b]");
    }

    @Test
    void explainShowsTheCalcitePlanAndWeirsOperators() throws Exception {
        TableEnvironment env = ordersEnv();
        String plan = env.explainSql("SELECT window_start, SUM(qty) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) "
                + "WHERE qty > 1 GROUP BY window_start, window_end");
        assertThat(plan).contains("== Abstract Syntax Tree ==", "LogicalAggregate", "== Weir Operators ==",
                "TableSourceScan(table=[orders], connector=[filesystem], fields=[id, item, qty, ts])",
                "WatermarkAssigner(rowtime=[ts], watermark=[`ts`])",
                "WindowAggregate(groupBy=[], window=[TUMBLE(size=[60 s])], select=[window_start, window_end, EXPR$1])",
                "Collect (insert-only)");
    }
}
