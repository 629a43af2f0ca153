package dev.weir.sqlcompat;

import java.nio.file.Files;
import java.nio.file.Path;
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
    static final Map<String, Integer> IN_ORDER = Map.ofEntries(Map.entry("topNOfASumOfPositivePrices", 0),
            Map.entry("topNOfAFilteredSumPerPartition", 1), Map.entry("topNOfAnAggregate", 0),
            Map.entry("topNOfACountWithoutRowNumber", 0), Map.entry("topNOfAMaxPerPartition", 1),
            Map.entry("topNOfTiesInArrivalOrder", 1), Map.entry("appendOnlyTopOneWithoutRowNumber", 1),
            Map.entry("appendOnlyRankRange", 1), Map.entry("appendOnlyRankRangeWithoutRowNumber", 1),
            Map.entry("retractTopNOfAShrinkingPartition", 1), Map.entry("retractTopNOfAShrinkingPartitionWithoutRowNumber", 1),
            Map.entry("retractTopOneWithRowNumber", 1), Map.entry("retractRankRange", 1));

    /**
     * The ties and shrinking partitions block's tables: {@code rank_ties} (partition a: ids 1, 2, 3, 6 and 10 tie at 5)
     * and {@code rank_sums}, whose sums per (k, p) tie at 5, then move; each sum reaching 10 leaves the queries' filter
     * {@code s < 10}, a retraction that shrinks its partition below N.
     */
    static List<String> tables(Path dir) throws Exception {
        Path ties = Files.write(dir.resolve("rank_ties.csv"), List.of("a,1,5", "a,2,5", "a,3,5", "a,4,7", "b,5,2", "a,6,5",
                "b,7,2", "a,8,9", "b,9,1", "a,10,5"));
        Path sums = Files.write(dir.resolve("rank_sums.csv"), List.of("a,x,5", "a,y,5", "a,z,5", "a,w,3", "a,x,-1", "a,y,1",
                "a,z,-5", "a,w,-3", "b,x,2", "b,x,20", "a,y,10", "a,x,10", "b,y,2", "b,y,1", "a,z,20", "a,w,20", "a,v,4"));
        return new ArrayList<>(List.of(
                "CREATE TABLE rank_ties (k STRING, id INT, v INT) WITH ('connector' = 'filesystem', 'path' = '" + ties
                        + "', 'format' = 'csv')",
                "CREATE TABLE rank_sums (k STRING, p STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '" + sums
                        + "', 'format' = 'csv')"));
    }

    private static String ofTies(String select, String where) {
        return "SELECT " + select + " FROM (SELECT k, id, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn "
                + "FROM rank_ties) WHERE " + where;
    }

    private static String ofSums(String select, String where) {
        return "SELECT " + select + " FROM (SELECT k, p, s, ROW_NUMBER() OVER (PARTITION BY k ORDER BY s DESC) AS rn FROM "
                + "(SELECT k, p, SUM(v) AS s FROM rank_sums GROUP BY k, p) WHERE s < 10) WHERE " + where;
    }

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
        // Ties and shrinking partitions, compared as the full changelog per partition key. Flink 2.3's retract rank
        // with a range from rank 2 and no row number, or with rn = 2, gives changelogs that retract rows it never
        // emitted (measured): Weir's are the row-numbered changelog (without the number), not compared here.
        q.add(new SqlCases.Query("topNOfTiesInArrivalOrder", ofTies("*", "rn <= 2"), true));
        q.add(new SqlCases.Query("appendOnlyTopOneWithoutRowNumber", ofTies("k, id, v", "rn = 1"), true));
        q.add(new SqlCases.Query("appendOnlyRankRange", ofTies("*", "rn BETWEEN 2 AND 3"), true));
        q.add(new SqlCases.Query("appendOnlyRankRangeWithoutRowNumber", ofTies("k, id, v", "rn BETWEEN 2 AND 3"), true));
        q.add(new SqlCases.Query("retractTopNOfAShrinkingPartition", ofSums("*", "rn <= 3"), true));
        q.add(new SqlCases.Query("retractTopNOfAShrinkingPartitionWithoutRowNumber", ofSums("k, p, s", "rn <= 3"), true));
        q.add(new SqlCases.Query("retractTopOneWithRowNumber", ofSums("*", "rn = 1"), true));
        q.add(new SqlCases.Query("retractRankRange", ofSums("*", "rn BETWEEN 2 AND 3"), true));
        return q;
    }
}
