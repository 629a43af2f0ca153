package dev.weir.sqlcompat;

import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's GROUPING SETS, ROLLUP and CUBE over {@link SqlCases}' tables: in window aggregations (the
 * window bounds in every set) and in updating GROUP BYs (each set's changelog, at parallelism 1), with HAVING, DISTINCT
 * counts, GROUPING / GROUPING_ID / GROUP_ID, duplicate and empty sets, NULL keys next to rolled-up columns.
 */
final class GroupingSetsCases {
    private static final String TUMBLE = "TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))";
    private static final String HOP = "TABLE(HOP(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))";

    private GroupingSetsCases() {
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("groupingSetsInTumbleWindows", "SELECT window_start, window_end, supplier, SUM(price) AS total "
                + "FROM " + TUMBLE + " GROUP BY window_start, window_end, GROUPING SETS ((supplier), ())"));
        q.add(new SqlCases.Query("rollupInTumbleWindows", "SELECT window_start, window_end, supplier, item, SUM(price), COUNT(*) "
                + "FROM " + TUMBLE + " GROUP BY window_start, window_end, ROLLUP (supplier, item)"));
        q.add(new SqlCases.Query("cubeInHopWindowsWithGrouping", "SELECT window_start, supplier, item, MAX(price), "
                + "GROUPING(supplier), GROUPING(supplier, item), GROUPING_ID(item, supplier) FROM " + HOP
                + " GROUP BY window_start, window_end, CUBE (supplier, item)"));
        q.add(new SqlCases.Query("groupingSetsGroupByUpdates", "SELECT supplier, item, COUNT(*), SUM(price) FROM bids "
                + "GROUP BY GROUPING SETS ((supplier), (item), ())", true));
        q.add(new SqlCases.Query("rollupWithHavingAndDistinct", "SELECT name, age, COUNT(DISTINCT score), COUNT(*) FROM people "
                + "GROUP BY ROLLUP (name, age) HAVING COUNT(*) > 1", true));
        q.add(new SqlCases.Query("cubeWithNullKeysAndGroupingId", "SELECT name, age, GROUPING_ID(name, age), SUM(id) FROM people "
                + "GROUP BY CUBE (name, age)", true));
        q.add(new SqlCases.Query("duplicateSetsAndGroupId", "SELECT supplier, GROUP_ID(), COUNT(*) FROM bids "
                + "GROUP BY GROUPING SETS ((supplier), (supplier), ())", true));
        q.add(new SqlCases.Query("groupingSetsOverAnUpdatingInput", "SELECT c, COUNT(*) FROM (SELECT name, COUNT(*) AS c "
                + "FROM people GROUP BY name) GROUP BY ROLLUP (c)", true));
        return q;
    }
}
