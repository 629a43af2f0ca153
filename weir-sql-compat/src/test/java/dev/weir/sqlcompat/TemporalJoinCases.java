package dev.weir.sqlcompat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's event-time temporal joins ({@code FOR SYSTEM_TIME AS OF o.order_time}) over their own
 * tables: orders, a versioned table of rates (PRIMARY KEY and WATERMARK) and a deduplicated view of the same rates.
 * The rows of both inputs are in time order, so no row is late and the results do not depend on parallelism.
 */
final class TemporalJoinCases {
    private TemporalJoinCases() {
    }

    /** The tables and view the queries read, written under {@code dir}. */
    static List<String> tables(Path dir) throws Exception {
        Path orders = Files.write(dir.resolve("tj_orders.csv"), List.of("1,EUR,10,2020-01-01 00:00:05",
                "2,EUR,20,2020-01-01 00:00:15", "3,USD,30,2020-01-01 00:00:20", "4,GBP,40,2020-01-01 00:00:25",
                "5,USD,50,2020-01-01 00:00:40", "6,EUR,60,2020-01-01 00:00:45", "7,,70,2020-01-01 00:00:50"));
        Path rates = Files.write(dir.resolve("tj_rates.csv"), List.of("EUR,114,2020-01-01 00:00:00",
                "USD,100,2020-01-01 00:00:02", "EUR,116,2020-01-01 00:00:10", "USD,99,2020-01-01 00:00:30",
                "EUR,120,2020-01-01 00:00:45"));
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TABLE tj_orders (id INT, currency STRING, amount INT, order_time TIMESTAMP(3), "
                + "WATERMARK FOR order_time AS order_time) WITH ('connector' = 'filesystem', 'path' = '" + orders
                + "', 'format' = 'csv', 'csv.null-literal' = '')");
        ddl.add("CREATE TABLE tj_rates (currency STRING, rate INT, update_time TIMESTAMP(3), PRIMARY KEY (currency) NOT ENFORCED, "
                + "WATERMARK FOR update_time AS update_time) WITH ('connector' = 'filesystem', 'path' = '" + rates
                + "', 'format' = 'csv')");
        ddl.add("CREATE TABLE tj_rate_log (currency STRING, rate INT, update_time TIMESTAMP(3), "
                + "WATERMARK FOR update_time AS update_time) WITH ('connector' = 'filesystem', 'path' = '" + rates
                + "', 'format' = 'csv')");
        ddl.add("CREATE VIEW tj_latest_rates AS SELECT currency, rate, update_time FROM (SELECT *, ROW_NUMBER() OVER "
                + "(PARTITION BY currency ORDER BY update_time DESC) AS rn FROM tj_rate_log) WHERE rn = 1");
        return ddl;
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("temporalJoinVersionedTable", "SELECT o.id, o.amount * r.rate, r.update_time FROM tj_orders AS o "
                + "JOIN tj_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency"));
        q.add(new SqlCases.Query("temporalLeftJoinWithCondition", "SELECT o.id, o.order_time, r.rate FROM tj_orders AS o "
                + "LEFT JOIN tj_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency AND r.rate > 100"));
        q.add(new SqlCases.Query("temporalJoinDeduplicatedView", "SELECT o.id, r.currency, r.rate FROM tj_orders AS o "
                + "JOIN tj_latest_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency"));
        q.add(new SqlCases.Query("temporalLeftJoinDeduplicatedView", "SELECT o.id, r.rate, r.update_time FROM tj_orders AS o "
                + "LEFT JOIN tj_latest_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency WHERE o.amount > 15"));
        q.add(new SqlCases.Query("temporalJoinThenAggregate", "SELECT r.currency, SUM(o.amount * r.rate) FROM tj_orders AS o "
                + "JOIN tj_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency GROUP BY r.currency",
                true, true));
        return q;
    }
}
