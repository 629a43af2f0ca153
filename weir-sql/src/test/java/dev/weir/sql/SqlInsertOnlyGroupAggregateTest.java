package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;

/**
 * An unbounded GROUP BY over an insert-only input whose calls are integer COUNT, SUM, AVG, MIN and MAX (kept in one
 * {@code long[]} per key): the changelog Flink emits, per row {@code +I} for a new key, else {@code -U}/{@code +U} when
 * the result changed and nothing when it did not.
 */
class SqlInsertOnlyGroupAggregateTest {
    @Test
    void integerCallsWithFiltersAndNullsEmitFlinksChangelog() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        String query = "SELECT k, COUNT(*), COUNT(*) FILTER (WHERE v >= 10), COUNT(v), MIN(v), MAX(v), SUM(v), AVG(v) "
                + "FROM (VALUES ('a', 5), ('a', 20), ('b', CAST(NULL AS INT)), ('a', 20), ('b', 7)) AS t(k, v) GROUP BY k";
        assertThat(rows(env, query)).containsExactly(
                "+I[a, 1, 0, 1, 5, 5, 5, 5]",
                "-U[a, 1, 0, 1, 5, 5, 5, 5]", "+U[a, 2, 1, 2, 5, 20, 25, 12]",
                "+I[b, 1, 0, 0, null, null, null, null]",
                "-U[a, 2, 1, 2, 5, 20, 25, 12]", "+U[a, 3, 2, 3, 5, 20, 45, 15]",
                "-U[b, 1, 0, 0, null, null, null, null]", "+U[b, 2, 0, 1, 7, 7, 7, 7]");
    }

    @Test
    void aRowThatLeavesEveryResultUnchangedEmitsNothing() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        String query = "SELECT k, MAX(v), MIN(v) FROM (VALUES ('a', CAST(9 AS BIGINT)), ('a', CAST(3 AS BIGINT)), "
                + "('a', CAST(5 AS BIGINT)), ('a', CAST(9 AS BIGINT))) AS t(k, v) GROUP BY k";
        assertThat(rows(env, query)).containsExactly("+I[a, 9, 9]", "-U[a, 9, 9]", "+U[a, 9, 3]");
    }
}
