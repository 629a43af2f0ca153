package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processing-time windows and deduplication through SQL. Window results depend on the wall clock, so they are checked
 * by structure (the exact firing is in CumulativeProcessingTimeWindowsTest and the core's processing-time window
 * tests); deduplication follows the rows' arrival, which a one-file source fixes, so it is checked exactly.
 */
class SqlProcessingTimeTest {
    @TempDir
    Path dir;

    private TableEnvironment clicks() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        // One reader: the rows arrive in the file's order.
        env.getConfig().set("parallelism.default", "1");
        Path in = csv(dir, "clicks", "a,1", "b,2", "a,3", "c,4", "b,5", "a,6");
        env.executeSql("CREATE TABLE clicks (u STRING, n INT, p AS PROCTIME()) WITH ('connector' = 'filesystem', 'path' = '"
                + in + "', 'format' = 'csv')");
        return env;
    }

    @Test
    void aWindowTableFunctionOnAProcTimeColumnRunsOnProcessingTimeWindows() throws Exception {
        String plan = clicks().explainSql("SELECT u, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(p), "
                + "INTERVAL '10' SECOND)) GROUP BY u, window_start, window_end");
        assertThat(plan).contains("WindowAggregate(groupBy=[u], window=[TUMBLE(size=[10 s]), PROCTIME], "
                + "select=[u, window_start, window_end, EXPR$2])");
    }

    @Test
    void theWindowTimeOfAProcessingTimeWindowIsAProcTimeAttributeACascadedWindowRunsOn() throws Exception {
        TableEnvironment env = clicks();
        env.executeSql("CREATE VIEW per_10s AS SELECT u, window_time AS t, COUNT(*) AS c FROM TABLE("
                + "TUMBLE(TABLE clicks, DESCRIPTOR(p), INTERVAL '10' SECOND)) GROUP BY u, window_start, window_end, window_time");
        String plan = env.explainSql("SELECT window_start, SUM(c) AS c FROM TABLE(TUMBLE(TABLE per_10s, DESCRIPTOR(t), "
                + "INTERVAL '1' MINUTE)) GROUP BY window_start, window_end");
        assertThat(plan.substring(plan.indexOf("== Weir Operators ==")).lines().toList()).containsExactly(
                "== Weir Operators ==",
                "TableSourceScan(table=[clicks], connector=[filesystem], fields=[u, n])",
                "Calc(select=[u, n, p])",
                "WindowAggregate(groupBy=[u], window=[TUMBLE(size=[10 s]), PROCTIME], select=[u, window_start, window_end, t, c])",
                "Calc(select=[u, t, c])",
                "WindowAggregate(groupBy=[], window=[TUMBLE(size=[60 s]), PROCTIME], select=[window_start, window_end, c])",
                "Calc(select=[window_start, c])",
                "Collect (insert-only)");
    }

    @Test
    void aGroupWindowOnAProcTimeColumnRunsOnProcessingTimeWindows() throws Exception {
        String plan = clicks().explainSql("SELECT u, TUMBLE_START(p, INTERVAL '10' SECOND), TUMBLE_PROCTIME(p, INTERVAL '10' "
                + "SECOND), COUNT(*) FROM clicks GROUP BY u, TUMBLE(p, INTERVAL '10' SECOND)");
        assertThat(plan).contains("window=[TUMBLE(size=[10 s]), PROCTIME]");
    }

    @Test
    void processingTimeWindowsCountEveryRowInAtMostOneWindowOfTheirSize() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        // 300 rows at 100 a second: the job lasts at least 3 s, so windows of 1 s close while rows still arrive; the
        // window still open at the end does not fire, as in Flink.
        env.executeSql("CREATE TABLE ticks (k INT, p AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '300', "
                + "'rows-per-second' = '100', 'fields.k.min' = '0', 'fields.k.max' = '2')");
        List<Row> windows = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql("SELECT k, window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE "
                + "ticks, DESCRIPTOR(p), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end").collect()) {
            it.forEachRemaining(windows::add);
        }
        long counted = 0;
        Set<String> seen = new HashSet<>();
        for (Row w : windows) {
            LocalDateTime start = (LocalDateTime) w.getField(1);
            assertThat(Duration.between(start, (LocalDateTime) w.getField(2))).isEqualTo(Duration.ofSeconds(1));
            assertThat(start.getNano()).isZero();
            assertThat(seen.add(w.getField(0) + "@" + start)).as("one row per key and window").isTrue();
            counted += (Long) w.getField(3);
        }
        assertThat(windows).isNotEmpty();
        assertThat(counted).isBetween(1L, 300L);
    }

    @Test
    void deduplicationOnProcTimeAscendingKeepsEachKeysFirstArrivalAsInserts() throws Exception {
        assertThat(rows(clicks(), "SELECT u, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY u ORDER BY p ASC) AS rn FROM "
                + "clicks) WHERE rn = 1")).containsExactlyInAnyOrder("+I[a, 1]", "+I[b, 2]", "+I[c, 4]");
    }

    @Test
    void deduplicationOnProcTimeDescendingKeepsEachKeysLastArrival() throws Exception {
        assertThat(rows(clicks(), "SELECT u, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY u ORDER BY p DESC) AS rn FROM "
                + "clicks) WHERE rn = 1")).containsExactlyInAnyOrder("+I[a, 1]", "+I[b, 2]", "+I[c, 4]", "-U[a, 1]", "+U[a, 3]",
                        "-U[b, 2]", "+U[b, 5]", "-U[a, 3]", "+U[a, 6]");
    }

    @Test
    void keepFirstOnProcTimeIsInsertOnlySoAWindowCanFollowIt() throws Exception {
        String plan = clicks().explainSql("SELECT u, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY u ORDER BY p) AS rn "
                + "FROM clicks) WHERE rn = 1");
        assertThat(plan).contains("Deduplicate(keep=[FirstRow], key=[u], order=[PROCTIME])").contains("(insert-only)");
    }
}
