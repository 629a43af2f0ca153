package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GROUP BY or a join on the window bounds a window aggregate left, renamed as Nexmark q5 renames them: planned as
 * Flink plans them, a window aggregate and a window join, insert-only, not an updating GROUP BY and regular join.
 */
class SqlCascadedWindowTest {
    @TempDir
    Path dir;

    /** Bids per auction in 5-minute windows: 12:00 auction 1 twice, 2 once; 12:05 auction 2 twice, 3 once; 12:10 1 once. */
    private TableEnvironment bids() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        Path in = csv(dir, "bids", "2020-04-15 12:01:00,1", "2020-04-15 12:02:00,1", "2020-04-15 12:03:00,2",
                "2020-04-15 12:06:00,2", "2020-04-15 12:07:00,2", "2020-04-15 12:08:00,3", "2020-04-15 12:12:00,1");
        env.executeSql("CREATE TABLE bid (ts TIMESTAMP(3), auction BIGINT, WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv')");
        return env;
    }

    private static final String COUNTS = "SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime "
            + "FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '5' MINUTES)) GROUP BY auction, window_start, window_end";

    private static final String HOT_ITEMS = "SELECT A.auction, A.num, A.starttime FROM (" + COUNTS + ") A JOIN ("
            + "SELECT MAX(num) AS maxn, starttime, endtime FROM (" + COUNTS + ") GROUP BY starttime, endtime) M "
            + "ON A.starttime = M.starttime AND A.endtime = M.endtime AND A.num >= M.maxn";

    @Test
    void aGroupByOnRenamedWindowBoundsIsAWindowAggregateThatEmitsEachWindowOnce() throws Exception {
        assertThat(rows(bids(), "SELECT starttime, endtime, MAX(num), COUNT(*) FROM (" + COUNTS + ") GROUP BY starttime, endtime"))
                .containsExactlyInAnyOrder("+I[2020-04-15T12:00, 2020-04-15T12:05, 2, 2]",
                        "+I[2020-04-15T12:05, 2020-04-15T12:10, 2, 2]", "+I[2020-04-15T12:10, 2020-04-15T12:15, 1, 1]");
    }

    @Test
    void aJoinOnRenamedWindowBoundsIsAWindowJoinGivingTheHotItemsOfEachWindow() throws Exception {
        assertThat(rows(bids(), HOT_ITEMS)).containsExactlyInAnyOrder("+I[1, 2, 2020-04-15T12:00]",
                "+I[2, 2, 2020-04-15T12:05]", "+I[1, 1, 2020-04-15T12:10]");
    }

    @Test
    void theHotItemsQueryIsPlannedInsertOnlyAsInFlink() throws Exception {
        String plan = bids().explainSql(HOT_ITEMS);
        assertThat(plan).contains("WindowAggregate(groupBy=[], window=[TUMBLE(size=[300 s]), attached to starttime and endtime], "
                + "select=[starttime, endtime, maxn])").contains("WindowJoin(joinType=[INNERJoin]")
                .doesNotContain("GroupAggregate").endsWith("Collect (insert-only)\n");
    }

    @Test
    void aGroupByOnOnlyOneRenamedBoundStaysAnUpdatingAggregate() throws Exception {
        assertThat(bids().explainSql("SELECT starttime, MAX(num) FROM (" + COUNTS + ") GROUP BY starttime"))
                .contains("GroupAggregate(groupBy=[starttime]").endsWith("(changelog: +I, -U, +U, -D)\n");
    }

    @Test
    void theCountsQ5UsesTwiceRunAsOneWindowAggregateAsFlinksSubPlanReuseRunsThem() throws Exception {
        String plan = bids().explainSql(HOT_ITEMS);
        String operators = plan.substring(plan.indexOf("== Weir Operators =="));
        assertThat(operators.lines().filter(l -> l.startsWith("GlobalWindowAggregate(groupBy=[auction]"))).hasSize(1);
        assertThat(operators.lines().filter(l -> l.startsWith("Reused(WindowAggregate("))).containsExactly(
                "Reused(WindowAggregate(select=[auction, starttime, endtime, num]))");
    }

    @Test
    void withSubPlanReuseOffEachUseRunsItsOwnWindowAggregateGivingTheSameHotItems() throws Exception {
        TableEnvironment env = bids();
        env.getConfig().set("table.optimizer.reuse-sub-plan-enabled", "false");
        String plan = env.explainSql(HOT_ITEMS);
        String operators = plan.substring(plan.indexOf("== Weir Operators =="));
        assertThat(operators.lines().filter(l -> l.startsWith("GlobalWindowAggregate(groupBy=[auction]"))).hasSize(2);
        assertThat(operators).doesNotContain("Reused(WindowAggregate(");
        assertThat(rows(env, HOT_ITEMS)).containsExactlyInAnyOrder("+I[1, 2, 2020-04-15T12:00]",
                "+I[2, 2, 2020-04-15T12:05]", "+I[1, 1, 2020-04-15T12:10]");
    }

    @Test
    void aSubPlanReuseValueOtherThanTrueOrFalseIsRefusedNamingTheOption() throws Exception {
        TableEnvironment env = bids();
        env.getConfig().set("table.optimizer.reuse-sub-plan-enabled", "sometimes");
        assertThatThrownBy(() -> env.explainSql(HOT_ITEMS)).isInstanceOf(ValidationException.class)
                .hasMessage("Invalid value 'sometimes' for option 'table.optimizer.reuse-sub-plan-enabled': write true or false");
    }

    @Test
    void differentWindowAggregatesAreNotReused() throws Exception {
        String other = COUNTS.replace("COUNT(*)", "MIN(auction)");
        assertThat(bids().explainSql("SELECT A.auction, B.num FROM (" + COUNTS + ") A JOIN (" + other + ") B "
                + "ON A.starttime = B.starttime AND A.endtime = B.endtime AND A.auction = B.auction"))
                .doesNotContain("Reused(WindowAggregate(");
    }
}
