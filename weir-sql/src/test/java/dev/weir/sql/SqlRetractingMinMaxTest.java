package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;

/** MIN and MAX of an updating GROUP BY's results: the changelog Flink emits when the current extreme is retracted. */
class SqlRetractingMinMaxTest {
    @Test
    void retractingTheCurrentMaximumUpdatesToTheNextLargestValue() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        // One subtask, so the inner GROUP BY's changes reach the outer one in the order the rows were given.
        env.getConfig().set("parallelism.default", "1");
        // Inner counts of (a, x): 1, 2, 3 and of (a, y): 1; each change of x's count retracts the value before it.
        String counts = "SELECT k, u, COUNT(*) AS c FROM (VALUES ('a', 'x'), ('a', 'x'), ('a', 'y'), ('a', 'x')) AS t(k, u) "
                + "GROUP BY k, u";
        assertThat(rows(env, "SELECT k, MAX(c), MIN(c) FROM (" + counts + ") GROUP BY k")).containsExactly(
                "+I[a, 1, 1]", "-D[a, 1, 1]", "+I[a, 2, 2]", "-U[a, 2, 2]", "+U[a, 2, 1]",
                "-U[a, 2, 1]", "+U[a, 1, 1]", "-U[a, 1, 1]", "+U[a, 3, 1]");
    }
}
