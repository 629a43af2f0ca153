package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.materialized;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ORDER BY .. LIMIT, LIMIT alone and ORDER BY a processing time on a stream, as Flink 2.3 runs them: a Top-N over the
 * whole input (Flink's SortLimit and Limit) and the processing-time sort. The expected changelogs are Flink 2.3's for
 * the same rows, read from one file in order.
 */
class SqlSortLimitTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path bids = csv(dir, "bids", "2020-04-15 08:05:00,4.00,C,supplier1", "2020-04-15 08:07:00,2.00,A,supplier1",
                "2020-04-15 08:09:00,5.00,D,supplier2", "2020-04-15 08:11:00,3.00,B,supplier2",
                "2020-04-15 08:13:00,1.00,E,supplier1", "2020-04-15 08:17:00,6.00,F,supplier2",
                "2020-04-15 08:17:00,2.50,C,supplier3", "2020-04-15 08:29:59.999,7.25,A,supplier1");
        env.executeSql("CREATE TABLE bids (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier STRING, "
                + "pt AS PROCTIME(), WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', "
                + "'path' = '" + bids + "', 'format' = 'csv')");
        Path people = csv(dir, "people", "1,Alice,34", "2,Bob,", "3,,27", "4,Dan,45", "5,Eve,27", "6,Bob,52");
        env.executeSql("CREATE TABLE people (id INT, name STRING, age INT) WITH ('connector' = 'filesystem', 'path' = '"
                + people + "', 'format' = 'csv', 'csv.null-literal' = '')");
    }

    @Test
    void orderByWithLimitOfAnInsertOnlyInputDeletesTheRowItPushesOut() throws Exception {
        String query = "SELECT item, price FROM bids ORDER BY price DESC LIMIT 3";

        assertThat(env.explainSql(query)).contains("SortLimit(orderBy=[price DESC], offset=[0], fetch=[3], "
                + "strategy=[AppendFastStrategy])");
        assertThat(rows(env, query)).containsExactly("+I[C, 4.00]", "+I[A, 2.00]", "+I[D, 5.00]", "-D[A, 2.00]",
                "+I[B, 3.00]", "-D[B, 3.00]", "+I[F, 6.00]", "-D[C, 4.00]", "+I[A, 7.25]");
    }

    @Test
    void anOffsetLeavesOutTheFirstRanksAndUpdatesTheRanksAfterThem() throws Exception {
        assertThat(rows(env, "SELECT item, price FROM bids ORDER BY price DESC LIMIT 2 OFFSET 2")).containsExactly(
                "+I[A, 2.00]", "-U[A, 2.00]", "+U[B, 3.00]", "+I[A, 2.00]", "-U[B, 3.00]", "+U[C, 4.00]", "-U[A, 2.00]",
                "+U[B, 3.00]", "-U[C, 4.00]", "+U[D, 5.00]", "-U[B, 3.00]", "+U[C, 4.00]");
    }

    @Test
    void nullsSortFirstAscendingAndLastDescendingAndTiesStayInArrivalOrder() throws Exception {
        assertThat(rows(env, "SELECT name, age FROM people ORDER BY age LIMIT 3")).containsExactly("+I[Alice, 34]",
                "+I[Bob, null]", "+I[null, 27]", "-D[Alice, 34]", "+I[Eve, 27]");
        assertThat(rows(env, "SELECT name, age FROM people ORDER BY age DESC FETCH FIRST 2 ROWS ONLY"))
                .containsExactly("+I[Alice, 34]", "+I[Bob, null]", "-D[Bob, null]", "+I[null, 27]", "-D[null, 27]",
                        "+I[Dan, 45]", "-D[Alice, 34]", "+I[Bob, 52]");
        assertThat(rows(env, "SELECT supplier, item FROM bids ORDER BY supplier LIMIT 4")).containsExactly(
                "+I[supplier1, C]", "+I[supplier1, A]", "+I[supplier2, D]", "+I[supplier2, B]", "-D[supplier2, B]",
                "+I[supplier1, E]", "-D[supplier2, D]", "+I[supplier1, A]");
    }

    @Test
    void aWrittenNullsLastAscendingOrNullsFirstDescendingIsHonoured() throws Exception {
        assertThat(rows(env, "SELECT name, age FROM people ORDER BY age ASC NULLS LAST LIMIT 3")).containsExactly(
                "+I[Alice, 34]", "+I[Bob, null]", "+I[null, 27]", "-D[Bob, null]", "+I[Dan, 45]", "-D[Dan, 45]",
                "+I[Eve, 27]");
        assertThat(rows(env, "SELECT name, age FROM people ORDER BY age DESC NULLS FIRST FETCH FIRST 2 ROWS ONLY"))
                .containsExactly("+I[Alice, 34]", "+I[Bob, null]", "-D[Alice, 34]", "+I[Dan, 45]", "-D[Dan, 45]",
                        "+I[Bob, 52]");
    }

    @Test
    void aLimitWithoutOrderByKeepsTheFirstRowsToArriveAndInsertsOnly() throws Exception {
        assertThat(env.explainSql("SELECT item FROM bids LIMIT 3")).contains("Limit(offset=[0], fetch=[3])");
        assertThat(rows(env, "SELECT item FROM bids LIMIT 3")).containsExactly("+I[C]", "+I[A]", "+I[D]");
        assertThat(rows(env, "SELECT item FROM bids LIMIT 2 OFFSET 3")).containsExactly("+I[B]", "+I[E]");
        assertThat(rows(env, "SELECT item FROM bids WHERE price > 2 LIMIT 2")).containsExactly("+I[C]", "+I[D]");
    }

    @Test
    void orderByTheRowtimeWithLimitIsATopNOnTheTime() throws Exception {
        assertThat(rows(env, "SELECT bidtime, item FROM bids ORDER BY bidtime LIMIT 3")).containsExactly(
                "+I[2020-04-15T08:05, C]", "+I[2020-04-15T08:07, A]", "+I[2020-04-15T08:09, D]");
    }

    @Test
    void orderByWithLimitOfAnUpdatingInputLeavesTheTopRows() throws Exception {
        assertThat(materialized(env, "SELECT supplier, c FROM (SELECT supplier, COUNT(*) c FROM bids GROUP BY supplier) "
                + "ORDER BY c DESC LIMIT 2")).containsExactlyInAnyOrder("[supplier1, 4]", "[supplier2, 3]");
        assertThat(materialized(env, "SELECT supplier, c FROM (SELECT supplier, COUNT(*) c FROM bids GROUP BY supplier) "
                + "ORDER BY c DESC LIMIT 1 OFFSET 1")).containsExactly("[supplier2, 3]");
    }

    @Test
    void orderByProcessingTimeEmitsEveryRowInArrivalOrderPerTick() throws Exception {
        assertThat(env.explainSql("SELECT item FROM bids ORDER BY pt")).contains("TemporalSort(orderBy=[pt ASC])");
        assertThat(rows(env, "SELECT item, supplier FROM bids ORDER BY pt")).containsExactlyInAnyOrder("+I[C, supplier1]",
                "+I[A, supplier1]", "+I[D, supplier2]", "+I[B, supplier2]", "+I[E, supplier1]", "+I[F, supplier2]",
                "+I[C, supplier3]", "+I[A, supplier1]");
        assertThat(env.explainSql("SELECT item FROM bids ORDER BY pt, supplier DESC"))
                .contains("TemporalSort(orderBy=[pt ASC, supplier DESC])");
    }
}
