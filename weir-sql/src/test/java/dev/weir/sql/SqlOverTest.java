package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OVER aggregates on event time: ROWS and RANGE frames, emitted in event-time order once the watermark passes. */
class SqlOverTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void table() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path bids = csv(dir, "bids", "2020-01-01 00:00:03,a,3", "2020-01-01 00:00:01,a,1", "2020-01-01 00:00:04,a,4",
                "2020-01-01 00:00:04,b,10", "2020-01-01 00:00:09,a,9");
        env.executeSql("CREATE TABLE bids (ts TIMESTAMP(3), item STRING, price INT, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) "
                + "WITH ('connector' = 'filesystem', 'path' = '" + bids + "', 'format' = 'csv')");
    }

    @Test
    void aRowsFrameAggregatesTheCurrentAndPrecedingRowsInEventTimeOrder() throws Exception {
        assertThat(rows(env, "SELECT item, price, SUM(price) OVER (PARTITION BY item ORDER BY ts ROWS BETWEEN 1 PRECEDING "
                + "AND CURRENT ROW) FROM bids"))
                .containsExactly("+I[a, 1, 1]", "+I[a, 3, 4]", "+I[a, 4, 7]", "+I[b, 10, 10]", "+I[a, 9, 13]");
    }

    @Test
    void aRangeFrameAggregatesTheRowsWithinTheIntervalIncludingTiesOfTheSameTime() throws Exception {
        assertThat(rows(env, "SELECT item, price, COUNT(*) OVER w, MAX(price) OVER w FROM bids WINDOW w AS ("
                + "ORDER BY ts RANGE BETWEEN INTERVAL '2' SECOND PRECEDING AND CURRENT ROW)"))
                .containsExactly("+I[a, 1, 1, 1]", "+I[a, 3, 2, 3]", "+I[a, 4, 3, 10]", "+I[b, 10, 3, 10]", "+I[a, 9, 1, 9]");
    }

    @Test
    void anOverWindowNotOrderedByEventTimeIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> env.executeSql("SELECT SUM(price) OVER (ORDER BY price) FROM bids"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("an OVER window must be ordered by the table's event-time attribute, ascending (ORDER BY ts)");
    }
}
