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
 * A Top-N or deduplication over a view of some of a wide table's columns (Nexmark q19 and q18's shape) ranks rows of
 * just those columns, with no Calc after a Top-N whose rows the query selects as they are, as Flink plans it; the
 * changelog is the one of the untrimmed plan.
 */
class SqlRankInputTrimTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path events = csv(dir, "events", "2020-01-01 00:00:01,a,3,x1,y1", "2020-01-01 00:00:02,b,5,x2,y2",
                "2020-01-01 00:00:03,a,7,x3,y3", "2020-01-01 00:00:04,a,5,x4,y4", "2020-01-01 00:00:05,b,1,x5,y5",
                "2020-01-01 00:00:02,a,9,x6,y6");
        env.executeSql("CREATE TABLE events (ts TIMESTAMP(3), item STRING, price INT, note STRING, other STRING, "
                + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) "
                + "WITH ('connector' = 'filesystem', 'path' = '" + events + "', 'format' = 'csv')");
        env.executeSql("CREATE VIEW bids AS SELECT price, item, ts FROM events");
    }

    private static final String TOP_2 = "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY item ORDER BY price DESC) "
            + "AS rn FROM bids) WHERE rn <= 2";

    @Test
    void aTopNOverAViewRanksOnlyTheViewsColumnsAndSelectsItsRowsWithoutACalc() throws Exception {
        String plan = env.explainSql(TOP_2);
        assertThat(plan.substring(plan.indexOf("== Weir Operators ==")).lines().toList()).containsExactly(
                "== Weir Operators ==",
                "TableSourceScan(table=[events], connector=[filesystem], fields=[ts, item, price, note, other])",
                "WatermarkAssigner(rowtime=[ts], watermark=[`ts` - INTERVAL '5' SECOND])",
                "Calc(select=[price, item, ts])",
                "Rank(strategy=[AppendFastStrategy], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=2], "
                        + "partitionBy=[item], orderBy=[price DESC], select=[price, item, ts, w0$o0])",
                "Collect (changelog: +I, -U, +U, -D)");
    }

    @Test
    void aTopNOverAViewUpdatesEveryRankThatChangedWithTheViewsColumns() throws Exception {
        assertThat(rows(env, TOP_2)).containsExactly(
                "+I[3, a, 2020-01-01T00:00:01, 1]", "+I[5, b, 2020-01-01T00:00:02, 1]",
                "-U[3, a, 2020-01-01T00:00:01, 1]", "+U[7, a, 2020-01-01T00:00:03, 1]", "+I[3, a, 2020-01-01T00:00:01, 2]",
                "-U[3, a, 2020-01-01T00:00:01, 2]", "+U[5, a, 2020-01-01T00:00:04, 2]", "+I[1, b, 2020-01-01T00:00:05, 2]",
                "-U[7, a, 2020-01-01T00:00:03, 1]", "+U[9, a, 2020-01-01T00:00:02, 1]",
                "-U[5, a, 2020-01-01T00:00:04, 2]", "+U[7, a, 2020-01-01T00:00:03, 2]");
    }

    @Test
    void aTopNSelectingSomeColumnsInAnotherOrderKeepsItsCalc() throws Exception {
        assertThat(rows(env, "SELECT rn, item, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY item ORDER BY price DESC) "
                + "AS rn FROM bids) WHERE rn <= 1"))
                .containsExactly("+I[1, a, 3]", "+I[1, b, 5]", "-U[1, a, 3]", "+U[1, a, 7]", "-U[1, a, 7]", "+U[1, a, 9]");
    }

    @Test
    void aDeduplicationOverAViewKeepsTheLastRowOfTheViewsColumns() throws Exception {
        String sql = "SELECT price, item, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY item ORDER BY ts DESC) AS rn "
                + "FROM bids) WHERE rn = 1";
        assertThat(env.explainSql(sql)).contains("Calc(select=[price, item, ts])\nDeduplicate(keep=[LastRow], key=[item], "
                + "order=[ROWTIME])");
        assertThat(rows(env, sql)).containsExactly("+I[3, a, 2020-01-01T00:00:01]", "+I[5, b, 2020-01-01T00:00:02]",
                "-U[3, a, 2020-01-01T00:00:01]", "+U[7, a, 2020-01-01T00:00:03]", "-U[7, a, 2020-01-01T00:00:03]",
                "+U[5, a, 2020-01-01T00:00:04]", "-U[5, b, 2020-01-01T00:00:02]", "+U[1, b, 2020-01-01T00:00:05]");
    }
}
