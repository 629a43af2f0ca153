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

/** Top-N and deduplication through SQL, with their exact changelogs (one source and one subtask: a fixed order). */
class SqlRankTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void table() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path bids = csv(dir, "bids", "2020-01-01 00:00:01,a,3", "2020-01-01 00:00:02,b,5", "2020-01-01 00:00:03,a,7",
                "2020-01-01 00:00:04,a,5", "2020-01-01 00:00:05,b,1", "2020-01-01 00:00:02,a,9");
        env.executeSql("CREATE TABLE bids (ts TIMESTAMP(3), item STRING, price INT, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) "
                + "WITH ('connector' = 'filesystem', 'path' = '" + bids + "', 'format' = 'csv')");
    }

    @Test
    void topNWithTheRowNumberUpdatesEveryRankThatChanged() throws Exception {
        assertThat(rows(env, "SELECT * FROM (SELECT item, price, ROW_NUMBER() OVER (PARTITION BY item ORDER BY price DESC) "
                + "AS rn FROM bids) WHERE rn <= 2"))
                .containsExactly("+I[a, 3, 1]", "+I[b, 5, 1]", "-U[a, 3, 1]", "+U[a, 7, 1]", "+I[a, 3, 2]",
                        "-U[a, 3, 2]", "+U[a, 5, 2]", "+I[b, 1, 2]",
                        "-U[a, 7, 1]", "+U[a, 9, 1]", "-U[a, 5, 2]", "+U[a, 7, 2]");
    }

    @Test
    void topNWithoutTheRowNumberDeletesTheRowPushedOut() throws Exception {
        assertThat(rows(env, "SELECT item, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY item ORDER BY price DESC) "
                + "AS rn FROM bids) WHERE rn <= 2"))
                .containsExactly("+I[a, 3]", "+I[b, 5]", "+I[a, 7]", "-D[a, 3]", "+I[a, 5]", "+I[b, 1]", "-D[a, 5]", "+I[a, 9]");
    }

    @Test
    void aGlobalTopOneWithAnotherConditionFiltersTheRankedRows() throws Exception {
        // The rank emits +I[3, 1], then -U[3, 1] +U[1, 1] when price 1 arrives; the filter keeps the last only.
        assertThat(rows(env, "SELECT price, rn FROM (SELECT price, ROW_NUMBER() OVER (ORDER BY price) AS rn FROM bids) "
                + "WHERE rn < 2 AND price < 3"))
                .containsExactly("+U[1, 1]");
    }

    @Test
    void deduplicationKeepsTheFirstRowByEventTime() throws Exception {
        assertThat(rows(env, "SELECT item, price, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY item ORDER BY ts ASC) "
                + "AS rn FROM bids) WHERE rn = 1"))
                .containsExactly("+I[a, 3, 2020-01-01T00:00:01]", "+I[b, 5, 2020-01-01T00:00:02]");
    }

    @Test
    void deduplicationKeepsTheLastRowByEventTime() throws Exception {
        assertThat(rows(env, "SELECT item, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY item ORDER BY ts DESC) "
                + "AS rn FROM bids) WHERE rn = 1"))
                .containsExactly("+I[a, 3]", "+I[b, 5]", "-U[a, 3]", "+U[a, 7]", "-U[a, 7]", "+U[a, 5]", "-U[b, 5]", "+U[b, 1]");
    }

    @Test
    void aRowNumberWithoutABoundIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM (SELECT item, ROW_NUMBER() OVER (ORDER BY price) AS rn FROM bids) "
                + "WHERE rn > 2"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ROW_NUMBER() needs a filter with an upper bound such as WHERE rn <= 10 (Top-N)");
    }
}
