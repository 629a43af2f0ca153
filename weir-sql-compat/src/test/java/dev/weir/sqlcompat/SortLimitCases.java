package dev.weir.sqlcompat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's ORDER BY .. LIMIT, LIMIT and processing-time sort queries over {@link SqlCases}' tables:
 * Flink's SortLimit and Limit (a Top-N over the whole input) of insert-only and updating inputs, with ties, OFFSET,
 * FETCH FIRST and NULLs in the sort key, also on a processing time. Changelogs are compared at
 * parallelism 1 (one file source: the rows' order is fixed); those of an updating input after they are applied, since
 * Flink updates a row in place where Weir's retract Top-N deletes and inserts it.
 */
final class SortLimitCases {
    private SortLimitCases() {
    }

    /** The DDL of {@code pbids}: {@link SqlCases}' bids file with a processing-time attribute instead of a watermark. */
    static List<String> tables(Path dir) {
        return List.of("CREATE TABLE pbids (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier STRING, "
                + "pt AS PROCTIME()) WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("bids.csv")
                + "', 'format' = 'csv')");
    }

    static List<SqlCases.Query> queries() {
        String counts = "(SELECT supplier, COUNT(*) AS c FROM bids GROUP BY supplier)";
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("sortLimitDescending", "SELECT item, price FROM bids ORDER BY price DESC LIMIT 3", true));
        q.add(new SqlCases.Query("sortLimitWithOffset", "SELECT item, price FROM bids ORDER BY price DESC LIMIT 2 OFFSET 2", true));
        q.add(new SqlCases.Query("sortLimitNullsFirstAscending", "SELECT name, age FROM people ORDER BY age LIMIT 3", true));
        q.add(new SqlCases.Query("sortLimitFetchFirstNullsLastDescending", "SELECT name, age FROM people ORDER BY age DESC "
                + "FETCH FIRST 2 ROWS ONLY", true));
        q.add(new SqlCases.Query("sortLimitTiesInArrivalOrder", "SELECT supplier, item FROM bids ORDER BY supplier LIMIT 4", true));
        q.add(new SqlCases.Query("sortLimitTwoKeys", "SELECT name, age, id FROM people ORDER BY age DESC, id LIMIT 2 OFFSET 1", true));
        q.add(new SqlCases.Query("sortLimitOfAnAggregate", "SELECT supplier, c FROM " + counts + " ORDER BY c DESC LIMIT 2",
                true, true));
        q.add(new SqlCases.Query("sortLimitOfAnAggregateWithOffset", "SELECT supplier, c FROM " + counts
                + " ORDER BY c DESC, supplier LIMIT 1 OFFSET 1", true, true));
        q.add(new SqlCases.Query("limitAlone", "SELECT item FROM bids LIMIT 3", true));
        q.add(new SqlCases.Query("limitWithOffset", "SELECT item FROM bids LIMIT 2 OFFSET 3", true));
        q.add(new SqlCases.Query("limitAfterFilter", "SELECT item FROM bids WHERE price > 2 LIMIT 2", true));
        q.add(new SqlCases.Query("limitOfAnAggregate", "SELECT supplier, COUNT(*) FROM bids GROUP BY supplier LIMIT 2", true, true));
        q.add(new SqlCases.Query("sortLimitOnTheRowtime", "SELECT bidtime, item FROM bids ORDER BY bidtime LIMIT 3", true));
        q.add(new SqlCases.Query("sortLimitOnTheRowtimeDescending", "SELECT bidtime, item FROM bids ORDER BY bidtime DESC LIMIT 3", true));
        q.add(new SqlCases.Query("sortLimitInASubquery", "SELECT item FROM (SELECT item, price FROM bids ORDER BY price DESC LIMIT 3)", true));
        q.add(new SqlCases.Query("sortLimitOfASortLimit", "SELECT * FROM (SELECT item, price FROM bids ORDER BY price DESC LIMIT 3) "
                + "ORDER BY price LIMIT 2", true, true));
        q.add(new SqlCases.Query("countOfASortLimit", "SELECT COUNT(*) FROM (SELECT item FROM bids ORDER BY price DESC LIMIT 3)",
                true, true));
        // ORDER BY pt alone is not compared: Flink's processing-time sort drops the rows of the last millisecond when a
        // bounded input ends before it passes (Flink gave no rows at all in one of two runs).
        q.add(new SqlCases.Query("procTimeSortLimit", "SELECT item, supplier FROM pbids ORDER BY pt LIMIT 2", true));
        return q;
    }
}
