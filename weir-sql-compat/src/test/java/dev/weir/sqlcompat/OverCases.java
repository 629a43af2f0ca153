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
        return q;
    }
}
