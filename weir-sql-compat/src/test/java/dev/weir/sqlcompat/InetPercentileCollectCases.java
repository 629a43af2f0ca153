package dev.weir.sqlcompat;

import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's INET_ATON/INET_NTOA, PERCENTILE and COLLECT over {@link SqlCases}' tables: short address
 * forms and text that is none, NULLs, PERCENTILE's interpolation, frequencies and array form in GROUP BY (updating,
 * retracted at parallelism 1) and in window aggregates, COLLECT's multisets.
 */
final class InetPercentileCollectCases {
    private static final String TUMBLE = "TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))";
    private static final String HOP = "TABLE(HOP(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))";

    private InetPercentileCollectCases() {
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("inetAtonForms", "SELECT id, INET_ATON(CONCAT(CAST(id AS STRING), '.', CAST(age AS STRING))), "
                + "INET_ATON(name), INET_ATON('192.168.1.1'), INET_ATON('1.2.3'), INET_ATON('1.2.70000'), INET_ATON('010.0.0.1') "
                + "FROM people"));
        q.add(new SqlCases.Query("inetNtoaRange", "SELECT id, INET_NTOA(id * 16777216 + age), INET_NTOA(age - 30), "
                + "INET_NTOA(4294967295), INET_NTOA(4294967296) FROM people"));
        // PERCENTILE: Flink's interpolation digits, frequencies, NULLs, retraction over an updating input (parallelism 1).
        q.add(new SqlCases.Query("percentileGroupByUpdates", "SELECT supplier, PERCENTILE(price, 0.9), PERCENTILE(price, 0.5, 2), "
                + "PERCENTILE(CAST(price AS DOUBLE), 0), PERCENTILE(price, 1) FROM bids GROUP BY supplier", true));
        q.add(new SqlCases.Query("percentileNullsArraysAndFrequencyColumn", "SELECT name, PERCENTILE(age, 0.3), "
                + "PERCENTILE(score, ARRAY[0.25, 0.75]), PERCENTILE(age, 0.5, id), PERCENTILE(age, 0.5, 0) FROM people GROUP BY name", true));
        q.add(new SqlCases.Query("percentileOverAnUpdatingInput", "SELECT PERCENTILE(c, 0.9) FROM (SELECT name, COUNT(*) AS c "
                + "FROM people GROUP BY name)", true));
        q.add(new SqlCases.Query("percentileInTumbleWindows", "SELECT window_start, supplier, PERCENTILE(price, 0.9), "
                + "PERCENTILE(price, ARRAY[0.1, 0.9]) FROM " + TUMBLE + " GROUP BY window_start, window_end, supplier"));
        q.add(new SqlCases.Query("percentileInHopWindows", "SELECT window_start, PERCENTILE(price, 0.9) FROM " + HOP
                + " GROUP BY window_start, window_end"));
        // COLLECT: multisets as Flink prints them, NULLs left out, retraction, DISTINCT, windows.
        q.add(new SqlCases.Query("collectGroupByUpdates", "SELECT supplier, COLLECT(item), COLLECT(price) FROM bids GROUP BY supplier",
                true));
        q.add(new SqlCases.Query("collectNullsAndEmptyMultiset", "SELECT name, COLLECT(age), COLLECT(id) FROM people GROUP BY name",
                true));
        q.add(new SqlCases.Query("collectOverAnUpdatingInput", "SELECT COLLECT(c) FROM (SELECT name, COUNT(*) AS c FROM people "
                + "GROUP BY name)", true));
        q.add(new SqlCases.Query("collectDistinct", "SELECT COLLECT(DISTINCT name) FROM people", true));
        q.add(new SqlCases.Query("collectInTumbleWindows", "SELECT window_start, COLLECT(item) FROM " + TUMBLE
                + " GROUP BY window_start, window_end"));
        return q;
    }
}
