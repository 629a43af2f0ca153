package dev.weir.sqlcompat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's STDDEV_POP, STDDEV_SAMP, VAR_POP and VAR_SAMP (and STDDEV, VARIANCE) over {@link SqlCases}'
 * tables: INT, DOUBLE and DECIMAL columns with NULLs and single-row groups (NULL sample variance); and in TUMBLE, HOP,
 * CUMULATE and SESSION window aggregates over {@code stat_w} (one-row windows, NULLs, FILTER, HOP windows of two
 * slices, CUMULATE windows of up to three). Weir refuses them over an updating input (see {@code AggCalls}).
 */
final class StatisticAggregateCases {
    private StatisticAggregateCases() {
    }

    /** The window cases' table, written under {@code dir}: two keys, an INT, a DOUBLE and a DECIMAL column, NULL rows. */
    static List<String> tables(Path dir) throws Exception {
        Path file = Files.write(dir.resolve("stat_w.csv"), List.of("1,a,1,0.5,1.50,2020-01-01 00:00:01",
                "2,a,3,1.5,2.50,2020-01-01 00:00:02", "3,b,4,2.0,4.00,2020-01-01 00:00:03", "4,a,NULL,NULL,NULL,2020-01-01 00:00:04",
                "5,a,5,2.5,3.50,2020-01-01 00:00:06", "6,b,6,3.0,6.00,2020-01-01 00:00:07", "7,b,2,-1.0,-2.00,2020-01-01 00:00:11",
                "8,a,7,4.5,0.25,2020-01-01 00:00:12", "9,a,9,6.5,0.75,2020-01-01 00:00:16", "10,b,NULL,NULL,NULL,2020-01-01 00:00:18"));
        return List.of("CREATE TABLE stat_w (id INT, k STRING, i INT, d DOUBLE, m DECIMAL(10, 2), ts TIMESTAMP(3), WATERMARK FOR ts "
                + "AS ts) WITH ('connector' = 'filesystem', 'path' = '" + file + "', 'format' = 'csv', 'csv.null-literal' = 'NULL')");
    }

    private static final String ALL = "VAR_SAMP(d), VAR_POP(d), STDDEV_SAMP(d), STDDEV_POP(d), VAR_SAMP(i), VAR_POP(i), "
            + "STDDEV_SAMP(i), STDDEV_POP(i), VAR_SAMP(m), VAR_POP(m), STDDEV_SAMP(m), STDDEV_POP(m), STDDEV(d), VARIANCE(m)";

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("statisticsOverAllRows", "SELECT STDDEV_POP(age), STDDEV_SAMP(age), VAR_POP(age), VAR_SAMP(age), "
                + "STDDEV_POP(score), STDDEV_SAMP(score), VAR_POP(score), VAR_SAMP(score), STDDEV(age), VARIANCE(age) FROM people", true));
        q.add(new SqlCases.Query("statisticsPerGroupOfOneOrTwoRows", "SELECT name, STDDEV_POP(age), STDDEV_SAMP(age), VAR_POP(age), "
                + "VAR_SAMP(age), STDDEV_POP(score), VAR_SAMP(score) FROM people GROUP BY name", true));
        q.add(new SqlCases.Query("statisticsOfDecimals", "SELECT STDDEV_POP(price), STDDEV_SAMP(price), VAR_POP(price), "
                + "VAR_SAMP(price), STDDEV_POP(CAST(price AS DOUBLE)) FROM bids", true));
        q.add(new SqlCases.Query("statisticsPerKeyInTumblingWindows", "SELECT k, window_start, " + ALL
                + " FROM TABLE(TUMBLE(TABLE stat_w, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end"));
        q.add(new SqlCases.Query("statisticsInHoppingWindowsMergeTwoSlices", "SELECT window_start, window_end, " + ALL
                + " FROM TABLE(HOP(TABLE stat_w, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)) "
                + "GROUP BY window_start, window_end"));
        q.add(new SqlCases.Query("statisticsInCumulatingWindows", "SELECT k, window_start, window_end, " + ALL
                + " FROM TABLE(CUMULATE(TABLE stat_w, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)) "
                + "GROUP BY k, window_start, window_end"));
        q.add(new SqlCases.Query("statisticsInSessionWindows", "SELECT k, window_start, window_end, " + ALL
                + " FROM TABLE(SESSION(TABLE stat_w PARTITION BY k, DESCRIPTOR(ts), INTERVAL '3' SECOND)) "
                + "GROUP BY k, window_start, window_end"));
        q.add(new SqlCases.Query("statisticsWithFiltersInTumblingWindows", "SELECT k, window_start, STDDEV_POP(d) FILTER (WHERE id > 1), "
                + "VAR_SAMP(i) FILTER (WHERE id > 2) FROM TABLE(TUMBLE(TABLE stat_w, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
                + "GROUP BY k, window_start, window_end"));
        return q;
    }
}
