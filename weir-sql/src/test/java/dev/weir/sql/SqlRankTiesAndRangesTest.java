package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Top-N with rows that sort equal, partitions that shrink below N over a retract input, and rank ranges: every
 * expected changelog is Flink 2.3's for the same query and rows (one source, parallelism 1).
 */
class SqlRankTiesAndRangesTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        // Partition a: ids 1, 2, 3, 6 and 10 tie at 5.
        Path t = csv(dir, "t", "a,1,5", "a,2,5", "a,3,5", "a,4,7", "b,5,2", "a,6,5", "b,7,2", "a,8,9", "b,9,1", "a,10,5");
        env.executeSql("CREATE TABLE t (k STRING, id INT, v INT) WITH ('connector' = 'filesystem', 'path' = '" + t
                + "', 'format' = 'csv')");
        // Sums per (k, p): x, y, z tie at 5, then move; each sum reaching 10 leaves the filter s < 10 (a retraction).
        Path u = csv(dir, "u", "a,x,5", "a,y,5", "a,z,5", "a,w,3", "a,x,-1", "a,y,1", "a,z,-5", "a,w,-3", "b,x,2",
                "b,x,20", "a,y,10", "a,x,10", "b,y,2", "b,y,1", "a,z,20", "a,w,20", "a,v,4");
        env.executeSql("CREATE TABLE u (k STRING, p STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '" + u
                + "', 'format' = 'csv')");
    }

    private static String ofT(String select, String where) {
        return "SELECT " + select + " FROM (SELECT k, id, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn "
                + "FROM t) WHERE " + where;
    }

    private static String ofSums(String select, String where) {
        return "SELECT " + select + " FROM (SELECT k, p, s, ROW_NUMBER() OVER (PARTITION BY k ORDER BY s DESC) AS rn FROM "
                + "(SELECT k, p, SUM(v) AS s FROM u GROUP BY k, p) WHERE s < 10) WHERE " + where;
    }

    @Test
    void rowsThatSortEqualRankInArrivalOrderAndALaterTieNeverOvertakes() throws Exception {
        assertThat(rows(env, ofT("*", "rn <= 2"))).containsExactly(
                "+I[a, 1, 5, 1]", "+I[a, 2, 5, 2]", "-U[a, 1, 5, 1]", "+U[a, 4, 7, 1]", "-U[a, 2, 5, 2]",
                "+U[a, 1, 5, 2]", "+I[b, 5, 2, 1]", "+I[b, 7, 2, 2]", "-U[a, 4, 7, 1]", "+U[a, 8, 9, 1]",
                "-U[a, 1, 5, 2]", "+U[a, 4, 7, 2]");
    }

    @Test
    void anAppendOnlyTopOneWithoutTheRowNumberUpdatesItsRow() throws Exception {
        assertThat(rows(env, ofT("k, id, v", "rn = 1"))).containsExactly(
                "+I[a, 1, 5]", "-U[a, 1, 5]", "+U[a, 4, 7]", "+I[b, 5, 2]", "-U[a, 4, 7]", "+U[a, 8, 9]");
        assertThat(rows(env, ofT("k, id, v", "rn <= 1"))).containsExactly(
                "+I[a, 1, 5]", "-U[a, 1, 5]", "+U[a, 4, 7]", "+I[b, 5, 2]", "-U[a, 4, 7]", "+U[a, 8, 9]");
    }

    @Test
    void anAppendOnlyRankRangeEmitsOnlyItsRanksWithOrWithoutTheRowNumber() throws Exception {
        assertThat(env.explainSql(ofT("*", "rn BETWEEN 2 AND 3"))).contains("rankRange=[rankStart=2, rankEnd=3]");
        assertThat(rows(env, ofT("*", "rn BETWEEN 2 AND 3"))).containsExactly(
                "+I[a, 2, 5, 2]", "+I[a, 3, 5, 3]", "-U[a, 2, 5, 2]", "+U[a, 1, 5, 2]", "-U[a, 3, 5, 3]",
                "+U[a, 2, 5, 3]", "+I[b, 7, 2, 2]", "-U[a, 1, 5, 2]", "+U[a, 4, 7, 2]", "-U[a, 2, 5, 3]",
                "+U[a, 1, 5, 3]", "+I[b, 9, 1, 3]");
        assertThat(rows(env, ofT("*", "rn > 1 AND rn <= 3"))).as("the same range written as two comparisons")
                .containsExactly(rows(env, ofT("*", "rn BETWEEN 2 AND 3")).toArray(new String[0]));
        assertThat(rows(env, ofT("k, id, v", "rn BETWEEN 2 AND 3"))).containsExactly(
                "+I[a, 2, 5]", "+I[a, 3, 5]", "-U[a, 2, 5]", "+U[a, 1, 5]", "-U[a, 3, 5]", "+U[a, 2, 5]",
                "+I[b, 7, 2]", "-U[a, 1, 5]", "+U[a, 4, 7]", "-U[a, 2, 5]", "+U[a, 1, 5]", "+I[b, 9, 1]");
        assertThat(rows(env, ofT("*", "rn = 2"))).containsExactly(
                "+I[a, 2, 5, 2]", "-U[a, 2, 5, 2]", "+U[a, 1, 5, 2]", "+I[b, 7, 2, 2]", "-U[a, 1, 5, 2]", "+U[a, 4, 7, 2]");
    }

    @Test
    void aShrinkingPartitionLiftsTheNextRowIntoTheTopNAndDeletesTheRanksLeftEmpty() throws Exception {
        assertThat(rows(env, ofSums("*", "rn <= 3"))).containsExactly(
                "+I[a, x, 5, 1]", "+I[a, y, 5, 2]", "+I[a, z, 5, 3]", "-U[a, x, 5, 1]", "+U[a, y, 5, 1]",
                "-U[a, y, 5, 2]", "+U[a, z, 5, 2]", "-U[a, z, 5, 3]", "+U[a, w, 3, 3]", "-U[a, w, 3, 3]",
                "+U[a, x, 4, 3]", "-U[a, y, 5, 1]", "+U[a, z, 5, 1]", "-U[a, z, 5, 2]", "+U[a, x, 4, 2]",
                "-U[a, x, 4, 3]", "+U[a, w, 3, 3]", "-U[a, z, 5, 1]", "+U[a, y, 6, 1]", "-U[a, x, 4, 2]",
                "+U[a, z, 5, 2]", "-U[a, w, 3, 3]", "+U[a, x, 4, 3]", "-U[a, z, 5, 2]", "+U[a, x, 4, 2]",
                "-U[a, x, 4, 3]", "+U[a, w, 3, 3]", "-U[a, w, 3, 3]", "+U[a, z, 0, 3]", "+I[b, x, 2, 1]",
                "-D[b, x, 2, 1]", "-U[a, y, 6, 1]", "+U[a, x, 4, 1]", "-U[a, x, 4, 2]", "+U[a, z, 0, 2]",
                "-U[a, z, 0, 3]", "+U[a, w, 0, 3]", "-U[a, x, 4, 1]", "+U[a, z, 0, 1]", "-U[a, z, 0, 2]",
                "+U[a, w, 0, 2]", "-D[a, w, 0, 3]", "+I[b, y, 2, 1]", "-D[b, y, 2, 1]", "+I[b, y, 3, 1]",
                "-U[a, z, 0, 1]", "+U[a, w, 0, 1]", "-D[a, w, 0, 2]", "-D[a, w, 0, 1]", "+I[a, v, 4, 1]");
        assertThat(rows(env, ofSums("k, p, s", "rn <= 3"))).containsExactly(
                "+I[a, x, 5]", "+I[a, y, 5]", "+I[a, z, 5]", "-D[a, x, 5]", "+I[a, w, 3]", "-D[a, w, 3]",
                "+I[a, x, 4]", "-D[a, y, 5]", "+I[a, w, 3]", "-D[a, w, 3]", "+I[a, y, 6]", "-D[a, z, 5]",
                "+I[a, w, 3]", "-D[a, w, 3]", "+I[a, z, 0]", "+I[b, x, 2]", "-D[b, x, 2]", "-D[a, y, 6]",
                "+I[a, w, 0]", "-D[a, x, 4]", "+I[b, y, 2]", "-D[b, y, 2]", "+I[b, y, 3]", "-D[a, z, 0]",
                "-D[a, w, 0]", "+I[a, v, 4]");
    }

    @Test
    void aRetractTopOneWithTheRowNumberDeletesAndInsertsAsWithoutIt() throws Exception {
        // Flink's plan ranks rn = 1 without the number (a constant) and writes 1 after the rank.
        String[] expected = {"+I[a, x, 5, 1]", "-D[a, x, 5, 1]", "+I[a, y, 5, 1]", "-D[a, y, 5, 1]", "+I[a, z, 5, 1]",
            "-D[a, z, 5, 1]", "+I[a, y, 6, 1]", "+I[b, x, 2, 1]", "-D[b, x, 2, 1]", "-D[a, y, 6, 1]",
            "+I[a, x, 4, 1]", "-D[a, x, 4, 1]", "+I[a, z, 0, 1]", "+I[b, y, 2, 1]", "-D[b, y, 2, 1]",
            "+I[b, y, 3, 1]", "-D[a, z, 0, 1]", "+I[a, w, 0, 1]", "-D[a, w, 0, 1]", "+I[a, v, 4, 1]"};
        assertThat(rows(env, ofSums("*", "rn = 1"))).containsExactly(expected);
        assertThat(rows(env, ofSums("*", "rn < 2"))).containsExactly(expected);
    }

    @Test
    void aRetractRankRangeUpdatesOnlyItsRanks() throws Exception {
        assertThat(rows(env, ofSums("*", "rn BETWEEN 2 AND 3"))).containsExactly(
                "+I[a, y, 5, 2]", "+I[a, z, 5, 3]", "-U[a, y, 5, 2]", "+U[a, z, 5, 2]", "-U[a, z, 5, 3]",
                "+U[a, w, 3, 3]", "-U[a, w, 3, 3]", "+U[a, x, 4, 3]", "-U[a, z, 5, 2]", "+U[a, x, 4, 2]",
                "-U[a, x, 4, 3]", "+U[a, w, 3, 3]", "-U[a, x, 4, 2]", "+U[a, z, 5, 2]", "-U[a, w, 3, 3]",
                "+U[a, x, 4, 3]", "-U[a, z, 5, 2]", "+U[a, x, 4, 2]", "-U[a, x, 4, 3]", "+U[a, w, 3, 3]",
                "-U[a, w, 3, 3]", "+U[a, z, 0, 3]", "-U[a, x, 4, 2]", "+U[a, z, 0, 2]", "-U[a, z, 0, 3]",
                "+U[a, w, 0, 3]", "-U[a, z, 0, 2]", "+U[a, w, 0, 2]", "-D[a, w, 0, 3]", "-D[a, w, 0, 2]");
    }

    @Test
    void aRowNumberWithoutAnUpperBoundOrWithAnEmptyRangeIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> env.executeSql(ofT("*", "rn > 2")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ROW_NUMBER() needs a filter with an upper bound such as WHERE rn <= 10");
        assertThatThrownBy(() -> env.executeSql(ofT("*", "rn BETWEEN 3 AND 2")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("the row number's filter keeps no rank (from 3 to 2)");
    }
}
