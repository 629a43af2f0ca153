package dev.weir.sqlcompat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The differential suite's Top-N and deduplication queries over {@link SqlCases}' tables, compared as changelogs at
 * parallelism 1 (one file source: the rows' order is fixed).
 */
final class RankCases {
    private RankCases() {
    }

    /**
     * The queries whose changelog is compared in Flink's order, per partition: the number of leading fields that hold
     * the partition key (0 for a global Top-N: the whole changelog in order). Flink and Weir both run them at
     * parallelism 1 from one file source, so each partition's rows arrive in the same order on both.
     */
    static final Map<String, Integer> IN_ORDER = Map.of("topNOfASumOfPositivePrices", 0,
            "topNOfAFilteredSumPerPartition", 1, "topNOfAnAggregate", 0, "topNOfACountWithoutRowNumber", 0,
            "topNOfAMaxPerPartition", 1);

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("topNWithRowNumber", "SELECT * FROM (SELECT supplier, item, price, ROW_NUMBER() OVER ("
                + "PARTITION BY supplier ORDER BY price DESC) AS rn FROM bids) WHERE rn <= 2", true));
        q.add(new SqlCases.Query("topNWithoutRowNumber", "SELECT supplier, item, price FROM (SELECT *, ROW_NUMBER() OVER ("
                + "PARTITION BY supplier ORDER BY price DESC) AS rn FROM bids) WHERE rn <= 2", true));
        q.add(new SqlCases.Query("globalTopN", "SELECT item, price, rn FROM (SELECT item, price, ROW_NUMBER() OVER ("
                + "ORDER BY price ASC) AS rn FROM bids) WHERE rn < 4", true));
        q.add(new SqlCases.Query("topNWithNullsAndTwoKeys", "SELECT * FROM (SELECT name, age, id, ROW_NUMBER() OVER ("
                + "ORDER BY age, id DESC) AS rn FROM people) WHERE rn <= 3", true));
        q.add(new SqlCases.Query("topNWithOuterFilter", "SELECT price, rn FROM (SELECT price, ROW_NUMBER() OVER ("
                + "ORDER BY price) AS rn FROM bids) WHERE rn <= 2 AND price > 1", true));
        q.add(new SqlCases.Query("topOneWithRowNumber", "SELECT * FROM (SELECT supplier, item, ROW_NUMBER() OVER ("
                + "PARTITION BY supplier ORDER BY bidtime DESC) AS rn FROM bids) WHERE rn = 1", true));
        q.add(new SqlCases.Query("deduplicateKeepFirstOnRowtime", "SELECT supplier, item, bidtime FROM (SELECT *, ROW_NUMBER() "
                + "OVER (PARTITION BY supplier ORDER BY bidtime ASC) AS rn FROM bids) WHERE rn = 1", true));
        q.add(new SqlCases.Query("deduplicateKeepLastOnRowtime", "SELECT supplier, item, price FROM (SELECT *, ROW_NUMBER() "
                + "OVER (PARTITION BY supplier ORDER BY bidtime DESC) AS rn FROM bids) WHERE rn = 1", true));
        q.add(new SqlCases.Query("deduplicateOnLocalZonedRowtime", "SELECT user_name, url FROM (SELECT *, ROW_NUMBER() "
                + "OVER (PARTITION BY user_name ORDER BY ts DESC) AS rn FROM clicks) WHERE rn <= 1", true));
        // Top-N over an updating input (an unbounded GROUP BY): Flink's update-fast rank for a COUNT ordered descending
        // (compared as a changelog: -U/+U where the retract rank would delete and insert), its retract rank for a SUM.
        q.add(new SqlCases.Query("topNOfAnAggregate", "SELECT * FROM (SELECT supplier, c, ROW_NUMBER() OVER (ORDER BY c DESC, "
                + "supplier) AS rn FROM (SELECT supplier, COUNT(*) AS c FROM bids GROUP BY supplier)) WHERE rn <= 2", true));
        q.add(new SqlCases.Query("topNOfACountWithoutRowNumber", "SELECT supplier, c FROM (SELECT *, ROW_NUMBER() OVER ("
                + "ORDER BY c DESC) AS rn FROM (SELECT supplier, COUNT(*) AS c FROM bids GROUP BY supplier)) WHERE rn <= 1", true));
        q.add(new SqlCases.Query("topNOfAMaxPerPartition", "SELECT * FROM (SELECT supplier, item, top_price, ROW_NUMBER() "
                + "OVER (PARTITION BY supplier ORDER BY top_price DESC) AS rn FROM (SELECT supplier, item, MAX(price) AS "
                + "top_price FROM bids GROUP BY supplier, item)) WHERE rn <= 2", true));
        // A SUM whose filter keeps its argument at zero or above only grows: Flink's update-fast rank ordered descending,
        // from the WHERE clause or the call's own FILTER; a bound below zero keeps the retract rank. Both compared as the
        // changelog in Flink's order (IN_ORDER): a row overtaking another within the top N is -U of every rank it crosses,
        // then +U of their new holders.
        q.add(new SqlCases.Query("topNOfASumOfPositivePrices", "SELECT * FROM (SELECT supplier, total, ROW_NUMBER() OVER ("
                + "ORDER BY total DESC) AS rn FROM (SELECT supplier, SUM(price) AS total FROM bids WHERE price > 0 GROUP BY "
                + "supplier)) WHERE rn <= 2", true));
        q.add(new SqlCases.Query("topNOfAFilteredSumPerPartition", "SELECT supplier, item, total FROM (SELECT *, ROW_NUMBER() "
                + "OVER (PARTITION BY supplier ORDER BY total DESC) AS rn FROM (SELECT supplier, item, SUM(price) FILTER ("
                + "WHERE price >= 2) AS total FROM bids GROUP BY supplier, item)) WHERE rn <= 1", true));
        q.add(new SqlCases.Query("topNOfASumBoundedBelowZero", "SELECT * FROM (SELECT supplier, total, ROW_NUMBER() OVER ("
                + "ORDER BY total DESC) AS rn FROM (SELECT supplier, SUM(price) AS total FROM bids WHERE price > -1 GROUP BY "
                + "supplier)) WHERE rn <= 2", true));
        q.add(new SqlCases.Query("topNOfAnAggregateWithoutRowNumber", "SELECT supplier, total FROM (SELECT *, ROW_NUMBER() OVER ("
                + "ORDER BY total DESC) AS rn FROM (SELECT supplier, SUM(price) AS total FROM bids GROUP BY supplier)) "
                + "WHERE rn <= 1", true, true));
        q.add(new SqlCases.Query("topNOfAnOuterJoin", "SELECT name, item FROM (SELECT p.name, b.item, ROW_NUMBER() OVER ("
                + "PARTITION BY p.name ORDER BY b.item DESC) AS rn FROM people p LEFT JOIN bids b ON p.id = CHAR_LENGTH(b.item)) "
                + "WHERE rn <= 1", true, true));
        return q;
    }
}
