package dev.weir.sqlcompat;

import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's OVER aggregates over {@link SqlCases}' tables (insert-only results), at parallelism 1 where
 * ROWS frames meet rows of equal time (their order is the arrival order).
 */
final class OverCases {
    private OverCases() {
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("overRowsBounded", "SELECT item, price, SUM(price) OVER (PARTITION BY supplier ORDER BY bidtime "
                + "ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM bids", true));
        q.add(new SqlCases.Query("overRangeBounded", "SELECT item, COUNT(*) OVER w, MAX(price) OVER w, MIN(item) OVER w FROM bids "
                + "WINDOW w AS (PARTITION BY supplier ORDER BY bidtime RANGE BETWEEN INTERVAL '5' MINUTE PRECEDING AND CURRENT ROW)"));
        q.add(new SqlCases.Query("overRangeUnboundedByDefault", "SELECT item, supplier, COUNT(*) OVER (PARTITION BY supplier "
                + "ORDER BY bidtime) FROM bids"));
        q.add(new SqlCases.Query("overGlobalRowsWithTies", "SELECT item, SUM(price) OVER (ORDER BY bidtime ROWS BETWEEN 2 PRECEDING "
                + "AND CURRENT ROW) FROM bids", true));
        q.add(new SqlCases.Query("overGlobalRangeWithTies", "SELECT item, SUM(price) OVER (ORDER BY bidtime RANGE BETWEEN "
                + "INTERVAL '4' MINUTE PRECEDING AND CURRENT ROW) FROM bids"));
        q.add(new SqlCases.Query("overRowsUnboundedAvg", "SELECT item, AVG(price) OVER (PARTITION BY supplier ORDER BY bidtime "
                + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM bids", true));
        q.add(new SqlCases.Query("overOnLocalZonedRowtime", "SELECT user_name, url, COUNT(url) OVER (PARTITION BY user_name "
                + "ORDER BY ts RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW) FROM clicks"));
        q.add(new SqlCases.Query("overInExpressionWithFilter", "SELECT item, price - MIN(price) OVER (PARTITION BY supplier "
                + "ORDER BY bidtime ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM bids WHERE price > 1", true));
        // LAG: rows of the same time share the value before the last of them; a default may be a column of the current row.
        q.add(new SqlCases.Query("overLagPerPartitionWithCount", "SELECT item, LAG(item) OVER w, LAG(price, 2) OVER w, "
                + "COUNT(*) OVER w FROM bids WINDOW w AS (PARTITION BY supplier ORDER BY bidtime)", true));
        q.add(new SqlCases.Query("overLagGlobalWithTies", "SELECT item, bidtime, LAG(item) OVER (ORDER BY bidtime), "
                + "LAG(price, 3) OVER (ORDER BY bidtime) FROM bids", true));
        q.add(new SqlCases.Query("overLagOffsetsDefaultsAndExpressions", "SELECT item, LAG(item, 1, item) OVER w, "
                + "LAG(item, 2, CAST('none' AS STRING)) OVER w, LAG(item, 1, 'none') OVER w, LAG(item, 0) OVER w, "
                + "LAG(price * 2, 1) OVER w, LAG(price, 1, CAST(0 AS DECIMAL(10, 2))) OVER w, LAG(bidtime) OVER w, "
                + "TYPEOF(LAG(price) OVER w) FROM bids WINDOW w AS (PARTITION BY supplier ORDER BY bidtime)", true));
        return q;
    }
}
