package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Window Top-N and window deduplication on window table functions and window aggregates. */
class SqlWindowTopNTest {
    @TempDir
    Path dir;

    private TableEnvironment bids() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        Path in = csv(dir, "bids", "2020-04-15 08:05:00,4.00,C,s1", "2020-04-15 08:07:00,2.00,A,s1", "2020-04-15 08:09:00,5.00,D,s2",
                "2020-04-15 08:11:00,3.00,B,s2", "2020-04-15 08:13:00,1.00,E,s1", "2020-04-15 08:17:00,6.00,F,s2",
                "2020-04-15 08:18:00,2.50,G,s3", "2020-04-15 08:19:00,9.00,H,s1");
        env.executeSql("CREATE TABLE bids (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier STRING, "
                + "WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'csv')");
        return env;
    }

    @Test
    void theTopTwoSuppliersOfEachWindowAggregate() throws Exception {
        assertThat(rows(bids(), "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) "
                + "AS rownum FROM (SELECT window_start, window_end, supplier, SUM(price) AS price, COUNT(*) AS cnt FROM TABLE(TUMBLE("
                + "TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end, supplier)) "
                + "WHERE rownum <= 2")).containsExactlyInAnyOrder(
                        "+I[2020-04-15T08:00, 2020-04-15T08:10, s1, 6.00, 2, 1]", "+I[2020-04-15T08:00, 2020-04-15T08:10, s2, 5.00, 1, 2]",
                        "+I[2020-04-15T08:10, 2020-04-15T08:20, s1, 10.00, 2, 1]", "+I[2020-04-15T08:10, 2020-04-15T08:20, s2, 9.00, 2, 2]");
    }

    @Test
    void theCheapestBidPerSupplierAndWindowWithoutTheRankColumn() throws Exception {
        assertThat(rows(bids(), "SELECT window_start, supplier, item, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY "
                + "window_start, window_end, supplier ORDER BY price ASC) AS rn FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), "
                + "INTERVAL '10' MINUTES))) WHERE rn = 1")).containsExactlyInAnyOrder("+I[2020-04-15T08:00, s1, A, 2.00]",
                        "+I[2020-04-15T08:00, s2, D, 5.00]", "+I[2020-04-15T08:10, s1, E, 1.00]", "+I[2020-04-15T08:10, s2, B, 3.00]",
                        "+I[2020-04-15T08:10, s3, G, 2.50]");
    }

    @Test
    void windowDeduplicationKeepsTheLastRowOfEachWindowByTime() throws Exception {
        assertThat(rows(bids(), "SELECT window_start, item, bidtime FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, "
                + "window_end ORDER BY bidtime DESC) AS rn FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))) "
                + "WHERE rn <= 1")).containsExactlyInAnyOrder("+I[2020-04-15T08:05, D, 2020-04-15T08:09]",
                        "+I[2020-04-15T08:10, E, 2020-04-15T08:13]", "+I[2020-04-15T08:15, H, 2020-04-15T08:19]");
    }

    @Test
    void windowDeduplicationOfTheLastRowLetsTheLastArrivalWinATie() throws Exception {
        TableEnvironment env = bids();
        env.getConfig().set("parallelism.default", "1");
        env.executeSql("CREATE TABLE ties (bidtime TIMESTAMP(3), item STRING, WATERMARK FOR bidtime AS bidtime) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + csv(dir, "ties", "2020-04-15 08:17:00,F", "2020-04-15 08:17:00,C",
                        "2020-04-15 08:16:00,B") + "', 'format' = 'csv')");
        assertThat(rows(env, "SELECT item FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY bidtime "
                + "DESC) AS rn FROM TABLE(TUMBLE(TABLE ties, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))) WHERE rn <= 1")).containsExactly("+I[C]");
        assertThat(rows(env, "SELECT item FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY bidtime "
                + "DESC) AS rn FROM TABLE(TUMBLE(TABLE ties, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))) WHERE rn <= 2"))
                .as("Top-N keeps the first arrival first among equals").containsExactly("+I[F]", "+I[C]");
    }
}
