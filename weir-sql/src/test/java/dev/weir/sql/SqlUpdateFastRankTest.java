package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Top-N over an unbounded GROUP BY whose sort key only moves one way (COUNT or MAX descending, MIN ascending, a
 * group key) runs as Flink's update-fast rank: an update of a row that stays in the top N is one {@code -U}/{@code +U}
 * pair, as Flink 2.3 emits it; other orders keep the retract rank. The strategies are those Flink 2.3's EXPLAIN names.
 */
class SqlUpdateFastRankTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path bids = csv(dir, "bids", "s1,3", "s2,5", "s1,7", "s1,1", "s2,2", "s3,9");
        env.executeSql("CREATE TABLE bids (supplier STRING, price INT) "
                + "WITH ('connector' = 'filesystem', 'path' = '" + bids + "', 'format' = 'csv')");
    }

    private static String topOf(String aggregate, String direction, String rn) {
        return "SELECT supplier, v" + rn + " FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v " + direction + ") AS rn FROM "
                + "(SELECT supplier, " + aggregate + " AS v FROM bids GROUP BY supplier)) WHERE rn <= 1";
    }

    @Test
    void aCountOrderedDescendingRanksUpdateFastByTheGroupKey() throws Exception {
        assertThat(env.explainSql(topOf("COUNT(*)", "DESC", ", rn"))).contains("Rank(strategy=[UpdateFastStrategy[0]]");
        assertThat(env.explainSql(topOf("MAX(price)", "DESC", ""))).contains("Rank(strategy=[UpdateFastStrategy[0]]");
        assertThat(env.explainSql(topOf("MIN(price)", "ASC", ""))).contains("Rank(strategy=[UpdateFastStrategy[0]]");
    }

    @Test
    void ordersThatCanMoveBothWaysKeepTheRetractRank() throws Exception {
        assertThat(env.explainSql(topOf("COUNT(*)", "ASC", ""))).contains("Rank(strategy=[RetractStrategy]");
        assertThat(env.explainSql(topOf("SUM(price)", "DESC", ""))).contains("Rank(strategy=[RetractStrategy]");
        assertThat(env.explainSql(topOf("COUNT(*) + 1", "DESC", ""))).contains("Rank(strategy=[RetractStrategy]");
        assertThat(env.explainSql(topOf("MAX(price)", "ASC", ""))).contains("Rank(strategy=[RetractStrategy]");
    }

    private static String topOfSum(String where, String direction) {
        return "SELECT supplier, v FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v " + direction + ") AS rn FROM "
                + "(SELECT supplier, SUM(price) AS v FROM bids " + where + " GROUP BY supplier)) WHERE rn <= 1";
    }

    @Test
    void aSumWhoseFilterKeepsItsArgumentFromZeroOrAboveRanksUpdateFastDescending() throws Exception {
        for (String where : new String[] {"WHERE price > 0", "WHERE price >= 0", "WHERE 0 < price",
            "WHERE price BETWEEN 0 AND 10", "WHERE price > 0 AND supplier <> 'x'", "WHERE price IN (1, 2)",
            "WHERE price > 5 OR price > 1", "WHERE NOT (price <= 0)", "WHERE price IS NOT NULL AND price > 0"}) {
            assertThat(env.explainSql(topOfSum(where, "DESC"))).as(where).contains("Rank(strategy=[UpdateFastStrategy[0]]");
            assertThat(env.explainSql(topOfSum(where, "ASC"))).as(where).contains("Rank(strategy=[RetractStrategy]");
        }
        assertThat(env.explainSql("SELECT supplier, v FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v DESC) AS rn FROM "
                + "(SELECT supplier, SUM(price) FILTER (WHERE price > 0) AS v FROM bids GROUP BY supplier)) WHERE rn <= 1"))
                .as("the call's own FILTER").contains("Rank(strategy=[UpdateFastStrategy[0]]");
        assertThat(env.explainSql("SELECT supplier, v FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v DESC) AS rn FROM "
                + "(SELECT supplier, SUM(1) AS v FROM bids GROUP BY supplier)) WHERE rn <= 1"))
                .as("a positive literal").contains("Rank(strategy=[UpdateFastStrategy[0]]");
    }

    @Test
    void aSumOfANegativeArgumentRanksUpdateFastAscendingAndABoundBelowZeroKeepsTheRetractRank() throws Exception {
        for (String where : new String[] {"WHERE price < 0", "WHERE price <= 0"}) {
            assertThat(env.explainSql(topOfSum(where, "ASC"))).as(where).contains("Rank(strategy=[UpdateFastStrategy[0]]");
            assertThat(env.explainSql(topOfSum(where, "DESC"))).as(where).contains("Rank(strategy=[RetractStrategy]");
        }
        // As Flink 2.3 measured: a lower bound below zero makes a SUM neither grow nor shrink, whatever the upper bound.
        for (String where : new String[] {"WHERE price > -1", "WHERE price BETWEEN -10 AND -1", "WHERE price <> 0",
            "WHERE price > 0 OR supplier = 'x'", "WHERE price IN (-1, 2)", "WHERE price > 0 OR price IS NULL"}) {
            assertThat(env.explainSql(topOfSum(where, "DESC"))).as(where).contains("Rank(strategy=[RetractStrategy]");
            assertThat(env.explainSql(topOfSum(where, "ASC"))).as(where).contains("Rank(strategy=[RetractStrategy]");
        }
        assertThat(env.explainSql("SELECT supplier, v FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v DESC) AS rn FROM "
                + "(SELECT supplier, SUM(price * 2) AS v FROM bids WHERE price > 0 GROUP BY supplier)) WHERE rn <= 1"))
                .as("an expression of the column has no bounds").contains("Rank(strategy=[RetractStrategy]");
    }

    private static String topOfSumOf(String column, String from, String where, String direction) {
        return "SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v " + direction + ") AS rn FROM (SELECT k, SUM("
                + column + ") AS v FROM " + from + " " + where + " GROUP BY k)) WHERE rn <= 2";
    }

    @Test
    void aWhereClausePinningTheSummedColumnToOneValueKeepsTheRetractRankOnEveryNumericType() throws Exception {
        typedTable();
        // As Flink 2.3's EXPLAIN: a single value in WHERE gives no bound; two values, or the call's own FILTER, do.
        for (String c : new String[] {"i", "b", "d", "m"}) {
            for (String where : new String[] {"WHERE c = 5", "WHERE 5 = c", "WHERE c IN (5)", "WHERE c BETWEEN 5 AND 5",
                "WHERE c >= 5 AND c <= 5", "WHERE c = 5 AND c >= 0", "WHERE c = 0", "WHERE c = 5 AND k = 'a'"}) {
                String w = where.replace("c", c);
                assertThat(env.explainSql(topOfSumOf(c, "t", w, "DESC"))).as(w).contains("Rank(strategy=[RetractStrategy]");
            }
            assertThat(env.explainSql(topOfSumOf(c, "t", "WHERE " + c + " = -5", "ASC"))).contains("Rank(strategy=[RetractStrategy]");
        }
        assertThat(env.explainSql(topOfSumOf("i", "t", "WHERE i = 5 OR i = 6", "DESC"))).contains("Rank(strategy=[UpdateFastStrategy[0]]");
        assertThat(env.explainSql(topOfSumOf("i", "t", "WHERE i IN (5, 6)", "DESC"))).contains("Rank(strategy=[UpdateFastStrategy[0]]");
        assertThat(env.explainSql("SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v DESC) AS rn FROM (SELECT k, "
                + "SUM(i) FILTER (WHERE i = 5) AS v FROM t GROUP BY k)) WHERE rn <= 2")).contains("Rank(strategy=[UpdateFastStrategy[0]]");
    }

    @Test
    void aBoundOnADoubleOrDecimalColumnComparedThroughAWideningCastRanksUpdateFast() throws Exception {
        typedTable();
        // The planner compares d > 0 as d > CAST(0):DOUBLE and a DECIMAL(10, 2) as CAST(m):DECIMAL(12, 2) > 0.00.
        for (String where : new String[] {"WHERE d > 0", "WHERE d >= 5", "WHERE d > 0.5", "WHERE m > 0", "WHERE m >= 5",
            "WHERE m > 0.5", "WHERE b > 0", "WHERE b >= 5"}) {
            String c = where.substring(6, 7);
            assertThat(env.explainSql(topOfSumOf(c, "t", where, "DESC"))).as(where).contains("Rank(strategy=[UpdateFastStrategy[0]]");
        }
        // A narrowing cast written in the query still gives no bound.
        assertThat(env.explainSql(topOfSumOf("m", "t", "WHERE CAST(m AS INT) > 0", "DESC"))).contains("Rank(strategy=[RetractStrategy]");
        assertThat(env.explainSql(topOfSumOf("CAST(1 AS DECIMAL)", "t", "", "DESC"))).contains("Rank(strategy=[UpdateFastStrategy[0]]");
    }

    @Test
    void anOrOfComparisonsReadingTheSummedColumnThroughACastKeepsTheRetractRank() throws Exception {
        typedTable();
        // Flink 2.3's EXPLAIN: under an OR, a comparison that casts the column (a DECIMAL(10, 2) against an integer, an
        // INT or BIGINT against a decimal) bounds nothing; one that casts the literal (a DOUBLE) or none does.
        for (String where : new String[] {"WHERE m = 5 OR m = 6", "WHERE m = 5 OR m = 6.5", "WHERE m = 5 OR m > 6",
            "WHERE m = 0 OR m = 1", "WHERE m = 5 OR m = 6 OR m = 7", "WHERE i = 5 OR i = 6.5", "WHERE i = 5.5 OR i = 6.5",
            "WHERE b = 5 OR b = 6.5"}) {
            String c = where.substring(6, 7);
            assertThat(env.explainSql(topOfSumOf(c, "t", where, "DESC"))).as(where).contains("Rank(strategy=[RetractStrategy]");
        }
        for (String where : new String[] {"WHERE m = 5.5 OR m = 6.5", "WHERE m BETWEEN 5 AND 6", "WHERE i = 5 OR i = 6",
            "WHERE i = 5 OR i > 6", "WHERE d = 5 OR d = 6", "WHERE d = 5 OR d = 6.5", "WHERE b = 5 OR b = 6"}) {
            String c = where.substring(6, 7);
            assertThat(env.explainSql(topOfSumOf(c, "t", where, "DESC"))).as(where).contains("Rank(strategy=[UpdateFastStrategy[0]]");
        }
    }

    @Test
    void aGroupByOverAnUpdatingInputRanksUpdateFastAsOverAnInsertOnlyOne() throws Exception {
        typedTable();
        // Flink 2.3's EXPLAIN: a UNION ALL of insert-only inputs, one with an updating branch, a join, another GROUP BY.
        for (String from : new String[] {"(SELECT * FROM t UNION ALL SELECT * FROM t)",
            "(SELECT k, i FROM t UNION ALL SELECT k, MAX(i) FROM t GROUP BY k)", "(SELECT k, MAX(i) AS i FROM t GROUP BY k)",
            "(SELECT a.k, a.i FROM t a LEFT JOIN t b ON a.k = b.k)"}) {
            assertThat(env.explainSql("SELECT * FROM (SELECT k, v, ROW_NUMBER() OVER (ORDER BY v DESC) AS rn FROM (SELECT k, "
                    + "COUNT(*) AS v FROM " + from + " GROUP BY k)) WHERE rn <= 2")).as(from)
                    .contains("Rank(strategy=[UpdateFastStrategy[0]], rankType=[ROW_NUMBER], rankRange=[rankStart=1, "
                            + "rankEnd=2], partitionBy=[], orderBy=[v DESC]");
        }
        assertThat(env.explainSql("SELECT * FROM (SELECT k, v, ROW_NUMBER() OVER (ORDER BY v ASC) AS rn FROM (SELECT k, "
                + "MIN(i) AS v FROM (SELECT a.k, a.i FROM t a LEFT JOIN t b ON a.k = b.k) GROUP BY k)) WHERE rn <= 2"))
                .contains("Rank(strategy=[UpdateFastStrategy[0]]");
        // A SUM only over a UNION ALL of insert-only inputs: over another GROUP BY, Flink keeps the retract rank.
        assertThat(env.explainSql(topOfSumOf("m", "(SELECT * FROM t UNION ALL SELECT * FROM t)", "WHERE m > 0", "DESC")))
                .contains("Rank(strategy=[UpdateFastStrategy[0]]");
        assertThat(env.explainSql(topOfSumOf("i", "(SELECT k, MAX(i) AS i FROM t GROUP BY k)", "WHERE i > 0", "DESC")))
                .contains("Rank(strategy=[RetractStrategy]");
        assertThat(env.explainSql("SELECT * FROM (SELECT k, v, ROW_NUMBER() OVER (ORDER BY v ASC) AS rn FROM (SELECT k, "
                + "COUNT(*) AS v FROM (SELECT * FROM t UNION ALL SELECT * FROM t) GROUP BY k)) WHERE rn <= 2"))
                .contains("Rank(strategy=[RetractStrategy]");
    }

    @Test
    void aRowOvertakingOthersWithinTheTopRetractsEveryRankItCrossesBeforeUpdatingThem() throws Exception {
        Path u = csv(dir, "u", "a,5", "b,3", "c,4", "a,1", "d,2", "e,1", "e,9", "c,3", "d,1", "d,8", "b,20", "f,6", "f,1",
                "a,30", "g,1");
        env.executeSql("CREATE TABLE u (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '" + u + "', 'format' = 'csv')");
        String sum = "SELECT k, s, ROW_NUMBER() OVER (ORDER BY s DESC) AS rn FROM (SELECT k, SUM(v) AS s FROM u WHERE v > 0 GROUP BY k)";
        // Flink 2.3's changelog of this query: c 4 -> 7 moves from rank 3 to 2 (-U 2, -U 3, +U 2, +U 3); e, d, b and a
        // enter from below the top 3 and change one rank after another.
        assertThat(rows(env, "SELECT * FROM (" + sum + ") WHERE rn <= 3")).containsExactly(
                "+I[a, 5, 1]", "+I[b, 3, 2]", "-U[b, 3, 2]", "+U[c, 4, 2]", "+I[b, 3, 3]", "-U[a, 5, 1]", "+U[a, 6, 1]",
                "-U[a, 6, 1]", "+U[e, 10, 1]", "-U[c, 4, 2]", "+U[a, 6, 2]", "-U[b, 3, 3]", "+U[c, 4, 3]",
                "-U[a, 6, 2]", "-U[c, 4, 3]", "+U[c, 7, 2]", "+U[a, 6, 3]",
                "-U[e, 10, 1]", "+U[d, 11, 1]", "-U[c, 7, 2]", "+U[e, 10, 2]", "-U[a, 6, 3]", "+U[c, 7, 3]",
                "-U[d, 11, 1]", "+U[b, 23, 1]", "-U[e, 10, 2]", "+U[d, 11, 2]", "-U[c, 7, 3]", "+U[e, 10, 3]",
                "-U[b, 23, 1]", "+U[a, 36, 1]", "-U[d, 11, 2]", "+U[b, 23, 2]", "-U[e, 10, 3]", "+U[d, 11, 3]");
        // Without the row number only the rows entering and leaving change, the one moving within is one update.
        assertThat(rows(env, "SELECT k, s FROM (" + sum + ") WHERE rn <= 3")).containsExactly(
                "+I[a, 5]", "+I[b, 3]", "+I[c, 4]", "-U[a, 5]", "+U[a, 6]", "-D[b, 3]", "+I[e, 10]", "-U[c, 4]", "+U[c, 7]",
                "-D[a, 6]", "+I[d, 11]", "-D[c, 7]", "+I[b, 23]", "-D[e, 10]", "+I[a, 36]");
        // A top-1 without the row number updates its one row, whoever holds it.
        assertThat(rows(env, "SELECT k, s FROM (" + sum + ") WHERE rn <= 1")).containsExactly(
                "+I[a, 5]", "-U[a, 5]", "+U[a, 6]", "-U[a, 6]", "+U[e, 10]", "-U[e, 10]", "+U[d, 11]", "-U[d, 11]",
                "+U[b, 23]", "-U[b, 23]", "+U[a, 36]");
    }

    private void typedTable() throws Exception {
        Path t = csv(dir, "t", "k1,1,1,1.0,1.00");
        env.executeSql("CREATE TABLE t (k STRING, i INT, b BIGINT, d DOUBLE, m DECIMAL(10, 2)) "
                + "WITH ('connector' = 'filesystem', 'path' = '" + t + "', 'format' = 'csv')");
    }

    @Test
    void aGrowingSumThatStaysInTheTopIsOneUpdate() throws Exception {
        // Sums: s1 3, s2 5 (takes the lead), s1 10 (takes it back), s1 11 (keeps it: one update), s2 7, s3 9. A top-1
        // without the row number updates its row when the lead changes too, as Flink 2.3's does.
        assertThat(rows(env, topOfSum("WHERE price > 0", "DESC"))).containsExactly(
                "+I[s1, 3]", "-U[s1, 3]", "+U[s2, 5]", "-U[s2, 5]", "+U[s1, 10]", "-U[s1, 10]", "+U[s1, 11]");
    }

    @Test
    void theLeaderGrowingIsOneUpdateAndANewLeaderReplacesTheOldOne() throws Exception {
        // Counts: s1 1, s2 1, s1 2, s1 3, s2 2, s3 1: s1 leads from its first bid and only grows.
        assertThat(rows(env, topOf("COUNT(*)", "DESC", ", rn"))).containsExactly(
                "+I[s1, 1, 1]", "-U[s1, 1, 1]", "+U[s1, 2, 1]", "-U[s1, 2, 1]", "+U[s1, 3, 1]");
        // Maxima: s1 3, s2 5 (takes the lead), s1 7 (takes it back), s3 9 (takes it).
        assertThat(rows(env, topOf("MAX(price)", "DESC", ""))).containsExactly(
                "+I[s1, 3]", "-U[s1, 3]", "+U[s2, 5]", "-U[s2, 5]", "+U[s1, 7]", "-U[s1, 7]", "+U[s3, 9]");
    }
}
