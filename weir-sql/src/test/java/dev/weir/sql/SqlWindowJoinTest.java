package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Window joins of two window table functions: inner and outer, with a further condition. */
class SqlWindowJoinTest {
    @TempDir
    Path dir;

    private TableEnvironment tables() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        // L3 comes before L2: after L2, the left side's watermark (12:05) closes L3's window, so whether L3 were late
        // would depend on whether the right side's watermark had caught up when L3 reached the join.
        Path l = csv(dir, "l", "2020-04-15 12:02:00,1,L1", "2020-04-15 12:03:00,3,L3", "2020-04-15 12:06:00,2,L2");
        Path r = csv(dir, "r", "2020-04-15 12:01:00,2,R2", "2020-04-15 12:04:00,3,R3", "2020-04-15 12:05:00,4,R4");
        env.executeSql("CREATE TABLE LeftTable (row_time TIMESTAMP(3), num INT, id STRING, WATERMARK FOR row_time AS row_time - "
                + "INTERVAL '1' MINUTE) WITH ('connector' = 'filesystem', 'path' = '" + l + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE RightTable (row_time TIMESTAMP(3), num INT, id STRING, WATERMARK FOR row_time AS row_time - "
                + "INTERVAL '1' MINUTE) WITH ('connector' = 'filesystem', 'path' = '" + r + "', 'format' = 'csv')");
        return env;
    }

    private static final String JOIN = " FROM (SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) L "
            + "%s JOIN (SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) R "
            + "ON L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end";

    @Test
    void anInnerWindowJoinPairsRowsOfTheSameWindowAndKey() throws Exception {
        assertThat(rows(tables(), "SELECT L.num, L.id, R.id, L.window_start" + JOIN.formatted(""))).containsExactly(
                "+I[3, L3, R3, 2020-04-15T12:00]");
    }

    @Test
    void aFullOuterWindowJoinKeepsUnmatchedRowsOfBothSides() throws Exception {
        assertThat(rows(tables(), "SELECT L.num, L.id, R.num, R.id, COALESCE(L.window_start, R.window_start)" + JOIN.formatted("FULL OUTER")))
                .containsExactlyInAnyOrder("+I[3, L3, 3, R3, 2020-04-15T12:00]", "+I[1, L1, null, null, 2020-04-15T12:00]",
                        "+I[2, L2, null, null, 2020-04-15T12:05]", "+I[null, null, 2, R2, 2020-04-15T12:00]",
                        "+I[null, null, 4, R4, 2020-04-15T12:05]");
    }

    @Test
    void aFurtherConditionFiltersThePairs() throws Exception {
        assertThat(rows(tables(), "SELECT L.id, R.id" + JOIN.formatted("LEFT") + " AND L.id <> 'L3'")).containsExactlyInAnyOrder(
                "+I[L1, null]", "+I[L2, null]", "+I[L3, null]");
    }
}
