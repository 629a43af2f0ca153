package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.materialized;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GROUPING SETS, ROLLUP and CUBE, in window aggregations and in updating GROUP BYs, with the rows of Flink's "Window
 * Aggregation" documentation example and GROUPING / GROUPING_ID / GROUP_ID.
 */
class SqlGroupingSetsTest {
    @TempDir
    Path dir;

    /** The Bid table of Flink's window aggregation page. */
    private TableEnvironment bids() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        Path in = csv(dir, "bids", "2020-04-15 08:05:00,4.00,C,supplier1", "2020-04-15 08:07:00,2.00,A,supplier1",
                "2020-04-15 08:09:00,5.00,D,supplier2", "2020-04-15 08:11:00,3.00,B,supplier2",
                "2020-04-15 08:13:00,1.00,E,supplier1", "2020-04-15 08:17:00,6.00,F,supplier2");
        env.executeSql("CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING, "
                + "WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv')");
        return env;
    }

    @Test
    void aTumblingWindowWithGroupingSetsGivesEachSuppliersTotalAndTheWindowsTotal() throws Exception {
        assertThat(rows(bids(), "SELECT window_start, window_end, supplier_id, SUM(price) AS total "
                + "FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) "
                + "GROUP BY window_start, window_end, GROUPING SETS ((supplier_id), ())")).containsExactlyInAnyOrder(
                "+I[2020-04-15T08:00, 2020-04-15T08:10, null, 11.00]",
                "+I[2020-04-15T08:00, 2020-04-15T08:10, supplier2, 5.00]",
                "+I[2020-04-15T08:00, 2020-04-15T08:10, supplier1, 6.00]",
                "+I[2020-04-15T08:10, 2020-04-15T08:20, null, 10.00]",
                "+I[2020-04-15T08:10, 2020-04-15T08:20, supplier2, 9.00]",
                "+I[2020-04-15T08:10, 2020-04-15T08:20, supplier1, 1.00]");
    }

    @Test
    void rollupIsTheSetsOfEachPrefix() throws Exception {
        assertThat(rows(bids(), "SELECT window_start, window_end, supplier_id, SUM(price) AS total "
                + "FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) "
                + "GROUP BY window_start, window_end, ROLLUP (supplier_id)")).containsExactlyInAnyOrder(
                "+I[2020-04-15T08:00, 2020-04-15T08:10, null, 11.00]",
                "+I[2020-04-15T08:00, 2020-04-15T08:10, supplier2, 5.00]",
                "+I[2020-04-15T08:00, 2020-04-15T08:10, supplier1, 6.00]",
                "+I[2020-04-15T08:10, 2020-04-15T08:20, null, 10.00]",
                "+I[2020-04-15T08:10, 2020-04-15T08:20, supplier2, 9.00]",
                "+I[2020-04-15T08:10, 2020-04-15T08:20, supplier1, 1.00]");
    }

    @Test
    void cubeIsEverySubsetAndGroupingTellsTheRolledUpColumns() throws Exception {
        assertThat(rows(bids(), "SELECT window_start, supplier_id, item, SUM(price), GROUPING(supplier_id, item), "
                + "GROUPING_ID(item) FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) "
                + "WHERE bidtime < TIMESTAMP '2020-04-15 08:10:00' "
                + "GROUP BY window_start, window_end, CUBE (supplier_id, item)")).containsExactlyInAnyOrder(
                "+I[2020-04-15T08:00, supplier1, C, 4.00, 0, 0]", "+I[2020-04-15T08:00, supplier1, A, 2.00, 0, 0]",
                "+I[2020-04-15T08:00, supplier2, D, 5.00, 0, 0]",
                "+I[2020-04-15T08:00, supplier1, null, 6.00, 1, 1]", "+I[2020-04-15T08:00, supplier2, null, 5.00, 1, 1]",
                "+I[2020-04-15T08:00, null, C, 4.00, 2, 0]", "+I[2020-04-15T08:00, null, A, 2.00, 2, 0]",
                "+I[2020-04-15T08:00, null, D, 5.00, 2, 0]", "+I[2020-04-15T08:00, null, null, 11.00, 3, 1]");
    }

    @Test
    void anUpdatingGroupByWithGroupingSetsEndsWithEachSetsTotals() throws Exception {
        assertThat(materialized(bids(), "SELECT supplier_id, COUNT(*), SUM(price), GROUP_ID() FROM Bid "
                + "GROUP BY GROUPING SETS ((supplier_id), (), ())")).containsExactlyInAnyOrder(
                "[supplier1, 3, 7.00, 0]", "[supplier2, 3, 14.00, 0]", "[null, 6, 21.00, 0]",
                "[null, 6, 21.00, 1]");
    }

    @Test
    void havingFiltersTheRowsOfEverySet() throws Exception {
        assertThat(materialized(bids(), "SELECT supplier_id, SUM(price) AS s FROM Bid "
                + "GROUP BY ROLLUP (supplier_id) HAVING SUM(price) > 10")).containsExactlyInAnyOrder(
                "[supplier2, 14.00]", "[null, 21.00]");
    }
}
