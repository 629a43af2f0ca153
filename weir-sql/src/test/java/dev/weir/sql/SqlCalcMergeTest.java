package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adjacent projections and filters, through views, run as one Calc, and a lower filter still guards the upper one. */
class SqlCalcMergeTest {
    @TempDir
    Path dir;

    @Test
    void aFilterAndProjectionOverAViewAreOneCalcWhoseLowerFilterGuardsTheUpperCondition() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        Path t = csv(dir, "t", "1,a,0", "2,b,5", "3,c,20", "4,d,2");
        env.executeSql("CREATE TABLE t (id INT, name STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '" + t
                + "', 'format' = 'csv')");
        env.executeSql("CREATE VIEW nonzero AS SELECT id, name, v, id * 10 AS tens FROM t WHERE v <> 0");
        // 10 / v would divide by zero on row 1, which the view's filter drops first.
        String query = "SELECT name, tens FROM nonzero WHERE 10 / v >= 2";
        assertThat(env.explainSql(query).lines().filter(l -> l.startsWith("Calc("))).containsExactly(
                "Calc(select=[name, *(id, 10) AS tens], where=[AND(IS TRUE(<>(v, 0)), >=(/(10, v), 2))])");
        assertThat(rows(env, query)).containsExactlyInAnyOrder("+I[b, 20]", "+I[d, 40]");
    }
}
