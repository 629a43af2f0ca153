package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static dev.weir.table.api.Expressions.$;
import static dev.weir.table.api.Expressions.CURRENT_ROW;
import static dev.weir.table.api.Expressions.UNBOUNDED_RANGE;
import static dev.weir.table.api.Expressions.lit;
import static dev.weir.table.api.Expressions.rowInterval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.Over;
import dev.weir.table.api.Session;
import dev.weir.table.api.Slide;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.Tumble;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group windows ({@code Tumble}, {@code Slide}, {@code Session}) and over windows of the Table API on the clicks table
 * (u, n, ts: a 1 10:00, a 2 10:03, b 5 10:04, a 4 10:09, b 1 10:06, a 8 10:07:59; watermark ts - 10 minutes), with the
 * rows and column names Flink 2.3 gives.
 */
class TableApiWindowsTest {
    @TempDir
    Path dir;

    private Table clicks() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        env.getConfig().set("parallelism.default", "1");
        return env.from("clicks");
    }

    @Test
    void tumblingWindowsSumPerUserWithTheWindowsStartAndEnd() throws Exception {
        Table sums = clicks().window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .select($("u"), $("w").start(), $("w").end(), $("n").sum().as("s"));
        assertThat(sums.getResolvedSchema().getColumnNames()).containsExactly("u", "EXPR$0", "EXPR$1", "s");
        assertThat(rows(sums.execute())).containsExactlyInAnyOrder("+I[a, 2020-01-01T10:00, 2020-01-01T10:05, 3]",
                "+I[b, 2020-01-01T10:00, 2020-01-01T10:05, 5]", "+I[a, 2020-01-01T10:05, 2020-01-01T10:10, 12]",
                "+I[b, 2020-01-01T10:05, 2020-01-01T10:10, 1]");
    }

    @Test
    void slidingWindowsOverlap() throws Exception {
        Table sums = clicks().window(Slide.over(lit(10).minutes()).every(lit(5).minutes()).on($("ts")).as("w"))
                .groupBy($("w")).select($("w").start(), $("n").sum());
        assertThat(rows(sums.execute())).containsExactlyInAnyOrder("+I[2020-01-01T09:55, 8]", "+I[2020-01-01T10:00, 21]",
                "+I[2020-01-01T10:05, 13]");
    }

    @Test
    void sessionWindowsCloseAfterTheGapPerUser() throws Exception {
        Table sessions = clicks().window(Session.withGap(lit(2).minutes()).on($("ts")).as("w")).groupBy($("w"), $("u"))
                .select($("u"), $("w").start(), $("w").end(), $("n").count());
        assertThat(rows(sessions.execute())).containsExactlyInAnyOrder("+I[a, 2020-01-01T10:00, 2020-01-01T10:02, 1]",
                "+I[a, 2020-01-01T10:03, 2020-01-01T10:05, 1]", "+I[b, 2020-01-01T10:04, 2020-01-01T10:08, 2]",
                "+I[a, 2020-01-01T10:07:59, 2020-01-01T10:11, 2]");
    }

    @Test
    void aGroupWindowNeedsItsAliasInGroupByExactlyOnce() throws Exception {
        Table c = clicks();
        assertThatThrownBy(() -> c.window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u")).select($("u")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("GroupBy must contain exactly one window alias.");
    }

    @Test
    void overWindowsAggregateEveryEarlierRowOfTheUser() throws Exception {
        Table running = clicks().window(Over.partitionBy($("u")).orderBy($("ts")).preceding(UNBOUNDED_RANGE).as("w"))
                .select($("u"), $("n"), $("n").sum().over($("w")));
        assertThat(running.getResolvedSchema().getColumnNames()).containsExactly("u", "n", "_c2");
        assertThat(rows(running.execute())).containsExactlyInAnyOrder("+I[a, 1, 1]", "+I[a, 2, 3]", "+I[b, 5, 5]",
                "+I[b, 1, 6]", "+I[a, 8, 11]", "+I[a, 4, 15]");
    }

    @Test
    void overWindowsOfRowsAndOfTimeRanges() throws Exception {
        Table c = clicks();
        Table lastTwo = c.window(Over.partitionBy($("u")).orderBy($("ts")).preceding(rowInterval(1L)).following(CURRENT_ROW)
                .as("w")).select($("u"), $("n"), $("n").sum().over($("w")).as("s"));
        assertThat(rows(lastTwo.execute())).containsExactlyInAnyOrder("+I[a, 1, 1]", "+I[a, 2, 3]", "+I[b, 5, 5]",
                "+I[b, 1, 6]", "+I[a, 8, 10]", "+I[a, 4, 12]");
        Table lastFiveMinutes = c.window(Over.partitionBy($("u")).orderBy($("ts")).preceding(lit(5).minutes()).as("w"))
                .select($("u"), $("n"), $("n").count().over($("w")).as("c"));
        assertThat(rows(lastFiveMinutes.execute())).containsExactlyInAnyOrder("+I[a, 1, 1]", "+I[a, 2, 2]", "+I[b, 5, 1]",
                "+I[b, 1, 2]", "+I[a, 8, 2]", "+I[a, 4, 2]");
    }

    @Test
    void anOverAggregateNeedsItsWindowDefined() throws Exception {
        Table c = clicks();
        assertThatThrownBy(() -> c.window(Over.partitionBy($("u")).orderBy($("ts")).as("w")).select($("n").sum().over($("x"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Over window alias x is not defined");
    }
}
