package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlSmokeTest {
    @TempDir
    Path dir;

    @Test
    void projectsAndFiltersACsvTable() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        Path in = csv(dir, "orders", "1,apple,3", "2,pear,5", "3,plum,");
        env.executeSql("CREATE TABLE orders (id INT, item STRING, qty INT) WITH ('connector' = 'filesystem', 'path' = '"
                + in + "', 'format' = 'csv', 'csv.null-literal' = '')");
        assertThat(rows(env, "SELECT id, UPPER(item), qty * 2 FROM orders WHERE qty > 3 OR qty IS NULL"))
                .containsExactlyInAnyOrder("+I[2, PEAR, 10]", "+I[3, PLUM, null]");
    }

    @Test
    void anEmptyNumberWithoutANullLiteralFailsTheJobNamingTheLineAndTheFix() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        Path in = csv(dir, "orders", "1,apple,3", "3,plum,");
        env.executeSql("CREATE TABLE orders (id INT, item STRING, qty INT) WITH ('connector' = 'filesystem', 'path' = '"
                + in + "', 'format' = 'csv')");
        assertThatThrownBy(() -> rows(env, "SELECT * FROM orders"))
                .hasStackTraceContaining("Failed to deserialize CSV row '3,plum,'")
                .hasStackTraceContaining("set 'csv.ignore-parse-errors' = 'true' to skip such lines");
    }

    @Test
    void tumblesAndCounts() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        Path in = csv(dir, "bids", "2020-04-15 08:05:00,A,4", "2020-04-15 08:07:00,A,2", "2020-04-15 08:09:00,B,5",
                "2020-04-15 08:11:00,A,3", "2020-04-15 08:13:00,B,1");
        env.executeSql("CREATE TABLE bids (bidtime TIMESTAMP(3), item STRING, price INT, "
                + "WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', 'path' = '"
                + in + "', 'format' = 'csv')");
        assertThat(rows(env, "SELECT window_start, window_end, item, COUNT(*), SUM(price), MAX(price) FROM TABLE("
                + "TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end, item"))
                .containsExactlyInAnyOrder("+I[2020-04-15T08:00, 2020-04-15T08:10, A, 2, 6, 4]",
                        "+I[2020-04-15T08:00, 2020-04-15T08:10, B, 1, 5, 5]",
                        "+I[2020-04-15T08:10, 2020-04-15T08:20, A, 1, 3, 3]",
                        "+I[2020-04-15T08:10, 2020-04-15T08:20, B, 1, 1, 1]");
    }

    @Test
    void groupByEmitsRetractions() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        assertThat(rows(env, "SELECT k, COUNT(*) FROM (VALUES ('a'), ('b'), ('a')) AS t(k) GROUP BY k"))
                .containsExactly("+I[a, 1]", "+I[b, 1]", "-U[a, 1]", "+U[a, 2]");
    }
}
