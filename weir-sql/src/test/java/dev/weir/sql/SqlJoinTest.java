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
 * Regular and interval joins end to end, through SQL. Outer joins' changelogs depend on which side's row arrives
 * first, so their results are compared materialized (every -U/-D cancels its +I/+U); the exact changelog is
 * specified in RegularJoinFunctionTest.
 */
class SqlJoinTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        Path orders = csv(dir, "orders", "1,u1,10", "2,u2,20", "3,u1,30", "4,u9,40", "5,,50");
        Path users = csv(dir, "users", "u1,Ann", "u2,Bob", "u3,Cy", ",Nobody");
        env.executeSql("CREATE TABLE orders (id INT, uid STRING, amount INT) WITH ('connector' = 'filesystem', 'path' = '"
                + orders + "', 'format' = 'csv', 'csv.null-literal' = '')");
        env.executeSql("CREATE TABLE users (uid STRING, name STRING) WITH ('connector' = 'filesystem', 'path' = '"
                + users + "', 'format' = 'csv', 'csv.null-literal' = '')");
        Path clicks = csv(dir, "clicks", "2020-01-01 00:00:10,a,/home", "2020-01-01 00:01:00,a,/cart", "2020-01-01 00:05:00,b,/home");
        Path buys = csv(dir, "buys", "2020-01-01 00:00:40,a,5", "2020-01-01 00:03:00,a,7", "2020-01-01 00:05:30,b,9",
                "2020-01-01 00:20:00,c,1");
        env.executeSql("CREATE TABLE clicks (ts TIMESTAMP(3), u STRING, url STRING, WATERMARK FOR ts AS ts) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + clicks + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE buys (ts TIMESTAMP(3), u STRING, qty INT, WATERMARK FOR ts AS ts) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + buys + "', 'format' = 'csv')");
    }

    @Test
    void anInnerJoinOfInsertOnlyTablesIsInsertOnlyAndNullKeysMatchNothing() throws Exception {
        assertThat(rows(env, "SELECT o.id, u.name, o.amount FROM orders o JOIN users u ON o.uid = u.uid"))
                .containsExactlyInAnyOrder("+I[1, Ann, 10]", "+I[2, Bob, 20]", "+I[3, Ann, 30]");
    }

    @Test
    void aJoinWithAWhereClauseAndANonEquiConditionKeepsOnlyMatchingPairs() throws Exception {
        assertThat(rows(env, "SELECT o.id, u.name FROM orders o, users u WHERE o.uid = u.uid AND o.amount > 15"))
                .containsExactlyInAnyOrder("+I[2, Bob]", "+I[3, Ann]");
        assertThat(rows(env, "SELECT o.id, u.name FROM orders o JOIN users u ON o.uid = u.uid AND o.amount <> 30"))
                .containsExactlyInAnyOrder("+I[1, Ann]", "+I[2, Bob]");
    }

    @Test
    void leftRightAndFullOuterJoinsPadTheRowsWithoutMatches() throws Exception {
        assertThat(materialized(env, "SELECT o.id, u.name FROM orders o LEFT JOIN users u ON o.uid = u.uid"))
                .containsExactlyInAnyOrder("[1, Ann]", "[2, Bob]", "[3, Ann]", "[4, null]", "[5, null]");
        assertThat(materialized(env, "SELECT o.id, u.name FROM orders o RIGHT JOIN users u ON o.uid = u.uid"))
                .containsExactlyInAnyOrder("[1, Ann]", "[2, Bob]", "[3, Ann]", "[null, Cy]", "[null, Nobody]");
        assertThat(materialized(env, "SELECT o.id, u.name FROM orders o FULL JOIN users u ON o.uid = u.uid"))
                .containsExactlyInAnyOrder("[1, Ann]", "[2, Bob]", "[3, Ann]", "[4, null]", "[5, null]", "[null, Cy]",
                        "[null, Nobody]");
    }

    @Test
    void aJoinOfAnAggregateConsumesItsRetractions() throws Exception {
        env.getConfig().set("parallelism.default", "1");
        assertThat(materialized(env, "SELECT u.name, t.total FROM (SELECT uid, SUM(amount) AS total FROM orders GROUP BY uid) t "
                + "JOIN users u ON t.uid = u.uid"))
                .containsExactlyInAnyOrder("[Ann, 40]", "[Bob, 20]");
    }

    @Test
    void anIntervalJoinPairsRowsWithinTheBoundsAndIsInsertOnly() throws Exception {
        assertThat(rows(env, "SELECT c.u, c.url, b.qty, b.ts FROM clicks c JOIN buys b ON c.u = b.u "
                + "AND b.ts BETWEEN c.ts AND c.ts + INTERVAL '1' MINUTE"))
                .containsExactlyInAnyOrder("+I[a, /home, 5, 2020-01-01T00:00:40]", "+I[b, /home, 9, 2020-01-01T00:05:30]");
    }

    @Test
    void aLeftIntervalJoinEmitsUnmatchedRowsOnceTheWatermarkPassesTheirInterval() throws Exception {
        assertThat(rows(env, "SELECT c.u, c.url, b.qty FROM clicks c LEFT JOIN buys b ON c.u = b.u "
                + "AND b.ts >= c.ts AND b.ts < c.ts + INTERVAL '1' MINUTE"))
                .containsExactlyInAnyOrder("+I[a, /home, 5]", "+I[a, /cart, null]", "+I[b, /home, 9]");
    }

    @Test
    void aJoinBackToAWindowAggregatesEndsFindsEachWindowsTopRowsAsNexmarkQ7Does() throws Exception {
        assertThat(rows(env, "SELECT B.u, B.qty, B.ts FROM buys B JOIN (SELECT MAX(qty) AS maxq, window_end AS we "
                + "FROM TABLE(TUMBLE(TABLE buys, DESCRIPTOR(ts), INTERVAL '5' MINUTE)) GROUP BY window_start, window_end) M "
                + "ON B.qty = M.maxq WHERE B.ts BETWEEN M.we - INTERVAL '5' MINUTE AND M.we"))
                .containsExactlyInAnyOrder("+I[a, 7, 2020-01-01T00:03]", "+I[b, 9, 2020-01-01T00:05:30]",
                        "+I[c, 1, 2020-01-01T00:20]");
    }

    @Test
    void explainNamesTheJoinOperator() {
        assertThat(env.explainSql("SELECT o.id, u.name FROM orders o LEFT JOIN users u ON o.uid = u.uid"))
                .contains("Join(joinType=[LeftOuterJoin], where=[=(uid, uid0)], select=[id, uid, uid0, name])");
    }

    @Test
    void aJoinKeepsOnlyTheColumnsItsConditionAndTheQueryAboveItRead() {
        // amount is read by neither, so no side's state row holds it; a side none of whose columns is read keeps one.
        assertThat(env.explainSql("SELECT o.id, u.name FROM orders o LEFT JOIN users u ON o.uid = u.uid"))
                .contains("Calc(select=[id, uid])\n");
        assertThat(env.explainSql("SELECT o.id FROM orders o, users u WHERE o.amount > 15"))
                .contains("Join(joinType=[InnerJoin], where=[true], select=[id, uid])");
    }

    @Test
    void aJoinWithTrimmedInputsGivesTheSameRowsAndChangelog() throws Exception {
        env.getConfig().set("parallelism.default", "1");
        assertThat(rows(env, "SELECT u.name FROM orders o JOIN users u ON o.uid = u.uid AND o.amount > 15"))
                .containsExactlyInAnyOrder("+I[Bob]", "+I[Ann]");
        assertThat(rows(env, "SELECT o.id FROM orders o, users u WHERE o.amount > 35"))
                .containsExactlyInAnyOrder("+I[4]", "+I[4]", "+I[4]", "+I[4]", "+I[5]", "+I[5]", "+I[5]", "+I[5]");
        assertThat(materialized(env, "SELECT u.name FROM orders o FULL JOIN users u ON o.uid = u.uid"))
                .containsExactlyInAnyOrder("[Ann]", "[Bob]", "[Ann]", "[null]", "[null]", "[Cy]", "[Nobody]");
        // The WHERE on the padded side stays above the left join; the join below it is trimmed all the same.
        String unmatched = "SELECT o.id FROM orders o LEFT JOIN users u ON o.uid = u.uid WHERE u.name IS NULL";
        assertThat(env.explainSql(unmatched)).contains("Join(joinType=[LeftOuterJoin], where=[=(uid, uid0)], select=[id, uid, uid0, name])");
        assertThat(materialized(env, unmatched)).containsExactlyInAnyOrder("[4]", "[5]");
    }
}
