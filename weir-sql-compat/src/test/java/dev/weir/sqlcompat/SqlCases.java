package dev.weir.sqlcompat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL differential suite's inputs (CSV files read by the {@code filesystem} connector on both engines, with
 * nulls, equal timestamps and several windows) and queries: projections and filters with Flink's scalar functions,
 * window table functions with aggregates, and updating GROUP BYs. Each query's rows on Flink 2.3 are the expected
 * rows for Weir.
 */
final class SqlCases {
    private SqlCases() {
    }

    /**
     * A named query; a {@code materialized} one is compared after applying its changelog (each -U/-D cancels its row),
     * for results whose changelog depends on which of two inputs a row arrives from first, such as outer joins.
     */
    record Query(String name, String sql, boolean changelog, boolean materialized) {
        Query(String name, String sql) {
            this(name, sql, false, false);
        }

        Query(String name, String sql, boolean changelog) {
            this(name, sql, changelog, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Writes the input files under {@code dir} and returns the DDL that declares them. */
    static List<String> tables(Path dir) throws Exception {
        Path people = Files.write(dir.resolve("people.csv"), List.of(
                "1,Alice,34,88.5", "2,Bob,,72.0", "3,,27,", "4,Dan,45,91.25", "5,Eve,27,60.0", "6,Bob,52,72.0"));
        Path bids = Files.write(dir.resolve("bids.csv"), List.of(
                "2020-04-15 08:05:00,4.00,C,supplier1", "2020-04-15 08:07:00,2.00,A,supplier1",
                "2020-04-15 08:09:00,5.00,D,supplier2", "2020-04-15 08:11:00,3.00,B,supplier2",
                "2020-04-15 08:13:00,1.00,E,supplier1", "2020-04-15 08:17:00,6.00,F,supplier2",
                "2020-04-15 08:17:00,2.50,C,supplier3", "2020-04-15 08:29:59.999,7.25,A,supplier1"));
        Path clicks = Files.write(dir.resolve("clicks.csv"), List.of(
                "Mary,/home,1000", "Bob,/cart,2000", "Mary,/prod?id=1,5000", "Liz,/home,60000", "Bob,/prod?id=3,90000",
                "Mary,/home,95000", "Liz,/prod?id=7,100000", "Bob,/home,130000"));
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TABLE people (id INT, name STRING, age INT, score DOUBLE) WITH ('connector' = 'filesystem', "
                + "'path' = '" + people + "', 'format' = 'csv', 'csv.null-literal' = '')");
        ddl.add("CREATE TABLE bids (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier STRING, "
                + "WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', "
                + "'path' = '" + bids + "', 'format' = 'csv')");
        ddl.add("CREATE TABLE clicks (user_name STRING, url STRING, ts_millis BIGINT, ts AS TO_TIMESTAMP_LTZ(ts_millis, 3), "
                + "WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) WITH ('connector' = 'filesystem', "
                + "'path' = '" + clicks + "', 'format' = 'csv')");
        ddl.add("CREATE VIEW adults AS SELECT id, name, age FROM people WHERE age >= 30");
        return ddl;
    }

    private static final String TUMBLE = "TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))";
    private static final String HOP = "TABLE(HOP(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))";
    private static final String CUMULATE = "TABLE(CUMULATE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))";

    static List<Query> queries() {
        List<Query> q = new ArrayList<>();
        // Statements with rows.
        q.add(new Query("describeWithRowtime", "DESCRIBE bids"));
        q.add(new Query("describeWithComputedColumn", "DESCRIBE clicks"));
        q.add(new Query("showTables", "SHOW TABLES"));
        // Projection and filter.
        q.add(new Query("selectColumns", "SELECT id, name FROM people"));
        q.add(new Query("arithmeticWithNulls", "SELECT id, age + 1, score * 2, age * score FROM people"));
        q.add(new Query("whereGreaterThan", "SELECT * FROM people WHERE age > 30"));
        q.add(new Query("whereIsNull", "SELECT id, name FROM people WHERE age IS NULL OR name IS NULL"));
        q.add(new Query("searchedCase", "SELECT id, CASE WHEN age >= 30 THEN 'old' WHEN age < 30 THEN 'young' ELSE 'unknown' END FROM people"));
        q.add(new Query("simpleCase", "SELECT id, CASE id WHEN 1 THEN 'one' WHEN 2 THEN 'two' END FROM people"));
        q.add(new Query("coalesce", "SELECT id, COALESCE(name, 'n/a'), COALESCE(age, -1) FROM people"));
        q.add(new Query("castToStringAndInt", "SELECT id, CAST(age AS STRING), CAST(score AS INT), CAST(id AS DOUBLE) FROM people"));
        q.add(new Query("castToDecimal", "SELECT id, CAST(score AS DECIMAL(10, 1)) FROM people"));
        q.add(new Query("stringCase", "SELECT id, UPPER(name), LOWER(name), CHAR_LENGTH(name) FROM people"));
        q.add(new Query("substring", "SELECT id, SUBSTRING(name, 2), SUBSTRING(name FROM 1 FOR 2) FROM people"));
        q.add(new Query("like", "SELECT id FROM people WHERE name LIKE 'A%' OR name LIKE '_o_'"));
        q.add(new Query("notLike", "SELECT id FROM people WHERE name NOT LIKE '%e%'"));
        q.add(new Query("concat", "SELECT id, name || '-' || CAST(id AS STRING), CONCAT(name, '!') FROM people"));
        q.add(new Query("integerDivisionAndModulo", "SELECT id, age / 2, age % 4, -age FROM people"));
        q.add(new Query("nullif", "SELECT id, NULLIF(age, 27) FROM people"));
        q.add(new Query("between", "SELECT id FROM people WHERE age BETWEEN 27 AND 40"));
        q.add(new Query("inList", "SELECT id FROM people WHERE id IN (1, 3, 5)"));
        q.add(new Query("threeValuedLogic", "SELECT id, score > 70 AND age > 30, score > 70 OR age > 30, NOT (age > 30) FROM people"));
        q.add(new Query("absAndMod", "SELECT id, ABS(age - 40), MOD(id, 2) FROM people"));
        q.add(new Query("trimAndPosition", "SELECT id, TRIM(BOTH 'B' FROM name), POSITION('e' IN name) FROM people"));
        q.add(new Query("subquery", "SELECT * FROM (SELECT id, age * 2 AS a2 FROM people) WHERE a2 > 60"));
        q.add(new Query("withClause", "WITH young AS (SELECT * FROM people WHERE age < 30) SELECT name, score FROM young"));
        q.add(new Query("view", "SELECT name FROM adults WHERE id > 1"));
        q.add(new Query("unionAll", "SELECT id FROM people WHERE age > 30 UNION ALL SELECT id FROM people WHERE age < 30"));
        q.add(new Query("values", "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(x, y)"));
        q.add(new Query("timestampsAndDecimals", "SELECT bidtime, price, item FROM bids WHERE price > 2"));
        q.add(new Query("decimalArithmetic", "SELECT item, price * 2, price + 1, price - 0.5 FROM bids"));
        q.add(new Query("extract", "SELECT item, EXTRACT(HOUR FROM bidtime), EXTRACT(MINUTE FROM bidtime), EXTRACT(DAY FROM bidtime) FROM bids"));
        q.add(new Query("dateFormatAndCastTimestamp", "SELECT item, DATE_FORMAT(bidtime, 'yyyy/MM/dd HH:mm'), CAST(bidtime AS STRING) FROM bids"));
        q.add(new Query("intervalArithmetic", "SELECT item, bidtime + INTERVAL '1' HOUR, bidtime - INTERVAL '30' SECOND FROM bids"));
        q.add(new Query("floorCeilTimestamp", "SELECT item, FLOOR(bidtime TO HOUR), CEIL(bidtime TO HOUR) FROM bids"));
        q.add(new Query("timestampLtz", "SELECT user_name, ts FROM clicks"));
        q.add(new Query("fromUnixtime", "SELECT user_name, FROM_UNIXTIME(ts_millis / 1000) FROM clicks"));
        q.add(new Query("compareTimestamps", "SELECT item FROM bids WHERE bidtime >= TIMESTAMP '2020-04-15 08:11:00'"));
        // Window table functions.
        q.add(new Query("tumbleSum", "SELECT window_start, window_end, SUM(price) FROM " + TUMBLE + " GROUP BY window_start, window_end"));
        q.add(new Query("tumbleBySupplier", "SELECT window_start, window_end, supplier, COUNT(*), MAX(price), MIN(price), AVG(price) FROM "
                + TUMBLE + " GROUP BY window_start, window_end, supplier"));
        q.add(new Query("tumbleCountDistinct", "SELECT window_start, COUNT(DISTINCT supplier), COUNT(item) FROM " + TUMBLE
                + " GROUP BY window_start, window_end"));
        q.add(new Query("tumbleHaving", "SELECT window_start, window_end, SUM(price) FROM " + TUMBLE
                + " GROUP BY window_start, window_end HAVING SUM(price) > 10"));
        q.add(new Query("tumbleWithWhere", "SELECT window_start, window_end, supplier, SUM(price) FROM " + TUMBLE
                + " WHERE price > 2 GROUP BY window_start, window_end, supplier"));
        q.add(new Query("tumbleAggregateOfExpression", "SELECT window_end, SUM(price * 2), MAX(CHAR_LENGTH(item)) FROM " + TUMBLE
                + " GROUP BY window_start, window_end"));
        q.add(new Query("tumbleGroupByOrderKeyFirst", "SELECT supplier, window_start, COUNT(*) FROM " + TUMBLE
                + " GROUP BY supplier, window_start, window_end"));
        q.add(new Query("tumbleOuterFilter", "SELECT * FROM (SELECT window_start, supplier, COUNT(*) AS c FROM " + TUMBLE
                + " GROUP BY window_start, window_end, supplier) WHERE c > 1"));
        q.add(new Query("hopSum", "SELECT window_start, window_end, SUM(price) FROM " + HOP + " GROUP BY window_start, window_end"));
        q.add(new Query("hopBySupplier", "SELECT window_start, window_end, supplier, COUNT(*), MIN(item) FROM " + HOP
                + " GROUP BY window_start, window_end, supplier"));
        q.add(new Query("cumulateSum", "SELECT window_start, window_end, SUM(price) FROM " + CUMULATE + " GROUP BY window_start, window_end"));
        q.add(new Query("cumulateBySupplier", "SELECT window_start, window_end, supplier, COUNT(*) FROM " + CUMULATE
                + " GROUP BY window_start, window_end, supplier"));
        q.add(new Query("tumbleTableFunctionAlone", "SELECT item, price, window_start, window_end FROM " + TUMBLE));
        q.add(new Query("hopTableFunctionAlone", "SELECT item, window_start, window_end FROM " + HOP));
        q.add(new Query("cumulateTableFunctionAlone", "SELECT item, window_start, window_end FROM " + CUMULATE));
        q.add(new Query("tumbleOnLocalZonedTime", "SELECT window_start, window_end, user_name, COUNT(url) FROM TABLE(TUMBLE(TABLE "
                + "clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, user_name"));
        q.add(new Query("tumbleWindowTime", "SELECT window_time, COUNT(*) FROM " + TUMBLE + " GROUP BY window_start, window_end, window_time"));
        // Unbounded GROUP BY: updating results.
        q.add(new Query("groupCount", "SELECT supplier, COUNT(*) FROM bids GROUP BY supplier", true));
        q.add(new Query("groupSumMaxMin", "SELECT supplier, SUM(price), MAX(price), MIN(price) FROM bids GROUP BY supplier", true));
        q.add(new Query("globalAggregate", "SELECT COUNT(*), SUM(age) FROM people", true));
        q.add(new Query("groupByNullableKey", "SELECT age, COUNT(*) FROM people GROUP BY age", true));
        q.add(new Query("selectDistinct", "SELECT DISTINCT supplier FROM bids", true));
        q.add(new Query("aggregateOverRetractions", "SELECT cnt, COUNT(*) FROM (SELECT supplier, COUNT(*) AS cnt FROM bids "
                + "GROUP BY supplier) GROUP BY cnt", true));
        q.add(new Query("groupCountDistinct", "SELECT user_name, COUNT(DISTINCT url) FROM clicks GROUP BY user_name", true));
        q.add(new Query("groupAvgOfInt", "SELECT name, AVG(age), SUM(score) FROM people GROUP BY name", true));
        q.add(new Query("maxRetractedByMin", "SELECT m, COUNT(*) FROM (SELECT name, MAX(id) AS m FROM people GROUP BY name) GROUP BY m", true));
        // More scalar functions and edge cases.
        q.add(new Query("castStringToNumbers", "SELECT CAST('42' AS INT), CAST(' 7 ' AS BIGINT), CAST('2.5' AS DOUBLE), CAST('1.25' AS DECIMAL(5, 2))"));
        q.add(new Query("castBooleanToString", "SELECT id, CAST(age > 30 AS STRING) FROM people"));
        q.add(new Query("stringComparison", "SELECT id FROM people WHERE name > 'Bob' AND name <> ''"));
        q.add(new Query("isTrueAndIsNotFalse", "SELECT id, (age > 30) IS TRUE, (age > 30) IS NOT FALSE FROM people"));
        q.add(new Query("doubleArithmetic", "SELECT id, score / 4, score - 0.25, score * score FROM people"));
        q.add(new Query("nestedCaseWithNulls", "SELECT id, CASE WHEN score IS NULL THEN -1.0 WHEN score > 80 THEN score ELSE 0.0 END FROM people"));
        q.add(new Query("coalesceOfThree", "SELECT id, COALESCE(CAST(NULL AS INT), age, id) FROM people"));
        q.add(new Query("timestampLiteralArithmetic", "SELECT item, bidtime - INTERVAL '5' MINUTE > TIMESTAMP '2020-04-15 08:05:00' FROM bids"));
        q.add(new Query("unionAllOfTables", "SELECT item AS s FROM bids UNION ALL SELECT name AS s FROM people WHERE name <> ''"));
        q.add(new Query("valuesWithNullsAndFilter", "SELECT x * 10 FROM (VALUES (1), (CAST(NULL AS INT)), (3)) AS t(x) WHERE x IS NOT NULL"));
        // More window aggregates.
        q.add(new Query("tumbleCountFilter", "SELECT window_start, COUNT(*) FILTER (WHERE price > 3), SUM(price) FILTER (WHERE supplier = 'supplier1') FROM "
                + TUMBLE + " GROUP BY window_start, window_end"));
        q.add(new Query("tumbleFiveMinutes", "SELECT window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), "
                + "INTERVAL '5' MINUTES)) GROUP BY window_start, window_end"));
        q.add(new Query("hopCountDistinct", "SELECT window_start, COUNT(DISTINCT supplier), MAX(price) FROM " + HOP
                + " GROUP BY window_start, window_end"));
        q.add(new Query("cumulateMaxMin", "SELECT window_start, window_end, MAX(price), MIN(price), AVG(price) FROM " + CUMULATE
                + " GROUP BY window_start, window_end"));
        q.add(new Query("tumbleOverView", "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), "
                + "INTERVAL '10' MINUTES)) WHERE item <> 'A' GROUP BY window_start, window_end"));
        q.add(new Query("tumbleSumOfDoubleCast", "SELECT window_start, SUM(CAST(price AS DOUBLE)) FROM " + TUMBLE
                + " GROUP BY window_start, window_end"));
        q.add(new Query("windowAggregateThenUnboundedAggregate", "SELECT supplier, SUM(c) FROM (SELECT window_start, supplier, COUNT(*) AS c FROM "
                + TUMBLE + " GROUP BY window_start, window_end, supplier) GROUP BY supplier", true));
        q.add(new Query("hopOnLocalZonedTime", "SELECT window_start, window_end, COUNT(*) FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), "
                + "INTERVAL '30' SECONDS, INTERVAL '1' MINUTE)) GROUP BY window_start, window_end"));
        // More updating aggregates.
        q.add(new Query("groupCountFilter", "SELECT supplier, COUNT(*) FILTER (WHERE price > 3) FROM bids GROUP BY supplier", true));
        q.add(new Query("groupByExpression", "SELECT age > 30, COUNT(*), MAX(name) FROM people GROUP BY age > 30", true));
        q.add(new Query("groupByTwoKeys", "SELECT supplier, item, SUM(price) FROM bids GROUP BY supplier, item", true));
        q.add(new Query("havingOnUpdating", "SELECT supplier, COUNT(*) FROM bids GROUP BY supplier HAVING COUNT(*) > 1", true));
        q.add(new Query("minMaxOfStrings", "SELECT supplier, MIN(item), MAX(item) FROM bids GROUP BY supplier", true));
        // Session windows (Flink 1.19's SESSION(TABLE t [PARTITION BY k], DESCRIPTOR(ts), gap)).
        q.add(new Query("sessionPartitioned", "SELECT window_start, window_end, supplier, COUNT(*), SUM(price) FROM TABLE(SESSION("
                + "TABLE bids PARTITION BY supplier, DESCRIPTOR(bidtime), INTERVAL '3' MINUTES)) GROUP BY window_start, window_end, supplier"));
        q.add(new Query("sessionWithoutPartition", "SELECT window_start, window_end, COUNT(*), MAX(price) FROM TABLE(SESSION("
                + "TABLE bids, DESCRIPTOR(bidtime), INTERVAL '3' MINUTES)) GROUP BY window_start, window_end"));
        q.add(new Query("sessionWithoutPartitionGroupedByKey", "SELECT window_start, window_end, supplier, COUNT(*) FROM TABLE(SESSION("
                + "TABLE bids, DESCRIPTOR(bidtime), INTERVAL '3' MINUTES)) GROUP BY window_start, window_end, supplier", true));
        q.add(new Query("sessionTableFunctionAlone", "SELECT item, supplier, window_start, window_end, window_time FROM TABLE(SESSION("
                + "TABLE bids PARTITION BY supplier, DESCRIPTOR(bidtime), INTERVAL '3' MINUTES))"));
        q.add(new Query("sessionOnLocalZonedTime", "SELECT user_name, window_start, window_end, window_time, COUNT(*) FROM TABLE(SESSION("
                + "TABLE clicks PARTITION BY user_name, DESCRIPTOR(ts), INTERVAL '30' SECONDS)) GROUP BY user_name, window_start, "
                + "window_end, window_time"));
        q.add(new Query("sessionHaving", "SELECT supplier, window_end, SUM(price) FROM TABLE(SESSION(TABLE bids PARTITION BY supplier, "
                + "DESCRIPTOR(bidtime), INTERVAL '5' MINUTES)) GROUP BY supplier, window_start, window_end HAVING COUNT(*) > 1"));
        // Window Top-N and window deduplication.
        q.add(new Query("windowTopNOfAggregate", "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end "
                + "ORDER BY price DESC) AS rownum FROM (SELECT window_start, window_end, supplier, SUM(price) AS price, COUNT(*) AS cnt "
                + "FROM " + TUMBLE + " GROUP BY window_start, window_end, supplier)) WHERE rownum <= 2"));
        q.add(new Query("windowTopNOfTableFunction", "SELECT window_start, supplier, item, price FROM (SELECT *, ROW_NUMBER() OVER ("
                + "PARTITION BY window_start, window_end, supplier ORDER BY price ASC) AS rn FROM " + TUMBLE + ") WHERE rn <= 1"));
        q.add(new Query("windowTopNLessThan", "SELECT window_end, item, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, "
                + "window_end ORDER BY price DESC) AS rn FROM " + HOP + ") WHERE rn < 3"));
        // Two bids at 08:17: the last to arrive wins, so the rows must arrive in the file's order (parallelism 1).
        q.add(new Query("windowDeduplicationLastRow", "SELECT window_start, item, bidtime FROM (SELECT *, ROW_NUMBER() OVER ("
                + "PARTITION BY window_start, window_end ORDER BY bidtime DESC) AS rn FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), "
                + "INTERVAL '5' MINUTES))) WHERE rn <= 1", true));
        q.add(new Query("windowDeduplicationFirstRowPerSupplier", "SELECT window_start, supplier, item FROM (SELECT *, ROW_NUMBER() OVER "
                + "(PARTITION BY window_start, window_end, supplier ORDER BY bidtime ASC) AS rn FROM " + TUMBLE + ") WHERE rn = 1"));
        // Temporal sort: ORDER BY the rowtime first (two bids at 08:17 ordered by item), at parallelism 1 as Flink sorts.
        q.add(new Query("temporalSortWithSecondKey", "SELECT bidtime, item, price FROM bids ORDER BY bidtime, item DESC", true));
        // Window joins.
        String bySupplier = "(SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES)) WHERE %s) %s";
        String onWindow = " ON L.supplier = R.supplier AND L.window_start = R.window_start AND L.window_end = R.window_end";
        q.add(new Query("windowJoinInner", "SELECT L.item, R.item, L.window_start FROM " + bySupplier.formatted("price > 3", "L")
                + " JOIN " + bySupplier.formatted("price <= 3", "R") + onWindow));
        q.add(new Query("windowJoinFullOuter", "SELECT L.item, R.item, L.window_end, R.window_end FROM " + bySupplier.formatted("price > 3", "L")
                + " FULL OUTER JOIN " + bySupplier.formatted("price <= 3", "R") + onWindow));
        q.add(new Query("windowJoinLeftWithCondition", "SELECT L.item, R.item FROM " + bySupplier.formatted("price > 2", "L")
                + " LEFT JOIN " + bySupplier.formatted("price < 5", "R") + onWindow + " AND L.item <> R.item"));
        q.addAll(JoinCases.queries());
        q.addAll(WindowJoinCases.queries());
        q.addAll(TemporalJoinCases.queries());
        q.addAll(RankCases.queries());
        q.addAll(OverCases.queries());
        q.addAll(GroupWindowCases.queries());
        q.addAll(FunctionCases.queries());
        q.addAll(JsonFunctionCases.queries());
        q.addAll(CollectionFunctionCases.queries());
        q.addAll(SortLimitCases.queries());
        q.addAll(BitmapFunctionCases.queries());
        q.addAll(ChangelogFunctionCases.queries());
        q.addAll(StatisticAggregateCases.queries());
        // Branch sf: INET_ATON/INET_NTOA, PERCENTILE, COLLECT.
        q.addAll(InetPercentileCollectCases.queries());
        // The lead, seventeenth session: GROUPING SETS, ROLLUP, CUBE.
        q.addAll(GroupingSetsCases.queries());
        q.addAll(MatchRecognizeCases.queries());
        return q;
    }
}
