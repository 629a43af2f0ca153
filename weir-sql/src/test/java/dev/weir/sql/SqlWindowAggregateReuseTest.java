package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nexmark q5's shape: the same window aggregate used twice in one query (joined, and under a MAX per window) runs once,
 * as Flink's sub-plan reuse runs it, and both uses see all its rows.
 */
class SqlWindowAggregateReuseTest {
    @TempDir
    Path dir;

    private static final String COUNTS = "SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime "
            + "FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end";

    private static final String HOT_ITEMS = "SELECT A.auction, A.num, A.starttime FROM (" + COUNTS + ") A JOIN ("
            + "SELECT MAX(C.num) AS maxn, C.starttime, C.endtime FROM (" + COUNTS + ") C GROUP BY C.starttime, C.endtime) M "
            + "ON A.starttime = M.starttime AND A.endtime = M.endtime AND A.num >= M.maxn";

    private TableEnvironment bids() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        // [0, 10): auction 1 twice, 2 once; [10, 20): 1 once, 2 and 3 twice each.
        Path in = csv(dir, "bids", "2020-01-01 00:00:01,1", "2020-01-01 00:00:02,2", "2020-01-01 00:00:05,1",
                "2020-01-01 00:00:11,2", "2020-01-01 00:00:12,3", "2020-01-01 00:00:13,1", "2020-01-01 00:00:15,3",
                "2020-01-01 00:00:19,2");
        env.executeSql("CREATE TABLE bid (ts TIMESTAMP(3), auction BIGINT, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
                + "WITH ('connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv')");
        return env;
    }

    @Test
    void theHottestAuctionsOfEachWindowComeFromOneCountPerAuctionAndWindow() throws Exception {
        assertThat(rows(bids(), HOT_ITEMS)).containsExactlyInAnyOrder("+I[1, 2, 2020-01-01T00:00]",
                "+I[2, 2, 2020-01-01T00:00:10]", "+I[3, 2, 2020-01-01T00:00:10]");
    }

    @Test
    void explainShowsTheSecondUseOfTheCountsAsReused() throws Exception {
        String plan = bids().explainSql(HOT_ITEMS);
        String operators = plan.substring(plan.indexOf("== Weir Operators =="));
        assertThat(operators.lines().filter(l -> l.startsWith("GlobalWindowAggregate(groupBy=[auction]"))).hasSize(1);
        assertThat(operators.lines().filter(l -> l.startsWith("Reused(WindowAggregate("))).containsExactly(
                "Reused(WindowAggregate(select=[auction, starttime, endtime, num]))");
    }

    @Test
    void differentWindowAggregatesAreNotReused() throws Exception {
        String other = COUNTS.replace("COUNT(*)", "MIN(auction)");
        String plan = bids().explainSql("SELECT A.auction, B.num FROM (" + COUNTS + ") A JOIN (" + other + ") B "
                + "ON A.starttime = B.starttime AND A.endtime = B.endtime AND A.auction = B.auction");
        assertThat(plan).doesNotContain("Reused(WindowAggregate(");
    }
}
