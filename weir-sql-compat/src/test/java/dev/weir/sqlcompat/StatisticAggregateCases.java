package dev.weir.sqlcompat;

import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's STDDEV_POP, STDDEV_SAMP, VAR_POP and VAR_SAMP (and STDDEV, VARIANCE) over {@link SqlCases}'
 * tables: INT, DOUBLE and DECIMAL columns with NULLs and single-row groups (NULL sample variance). Weir refuses them
 * over an updating input and in window aggregates (see {@code AggCalls}), where its results still differ from Flink's.
 */
final class StatisticAggregateCases {
    private StatisticAggregateCases() {
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("statisticsOverAllRows", "SELECT STDDEV_POP(age), STDDEV_SAMP(age), VAR_POP(age), VAR_SAMP(age), "
                + "STDDEV_POP(score), STDDEV_SAMP(score), VAR_POP(score), VAR_SAMP(score), STDDEV(age), VARIANCE(age) FROM people", true));
        q.add(new SqlCases.Query("statisticsPerGroupOfOneOrTwoRows", "SELECT name, STDDEV_POP(age), STDDEV_SAMP(age), VAR_POP(age), "
                + "VAR_SAMP(age), STDDEV_POP(score), VAR_SAMP(score) FROM people GROUP BY name", true));
        q.add(new SqlCases.Query("statisticsOfDecimals", "SELECT STDDEV_POP(price), STDDEV_SAMP(price), VAR_POP(price), "
                + "VAR_SAMP(price), STDDEV_POP(CAST(price AS DOUBLE)) FROM bids", true));
        return q;
    }
}
