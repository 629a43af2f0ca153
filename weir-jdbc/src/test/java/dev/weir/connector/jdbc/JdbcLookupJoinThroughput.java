package dev.weir.connector.jdbc;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Orders per second through a SQL lookup join on the embedded PostgreSQL (parallelism 1), without a cache and with a
 * partial cache that holds every customer; a measurement to run by hand, not a test. Arguments: the number of orders
 * (default 100,000) and of customers (default 1,000).
 */
public final class JdbcLookupJoinThroughput {
    private JdbcLookupJoinThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long orders = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        long customers = args.length > 1 ? Long.parseLong(args[1]) : 1_000;
        EmbeddedPostgres pg = SharedPostgres.server();
        SharedPostgres.execute(pg, "DROP TABLE IF EXISTS tp_orders", "DROP TABLE IF EXISTS tp_customers",
                "CREATE TABLE tp_customers (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL)",
                "INSERT INTO tp_customers SELECT i, 'customer-' || i FROM generate_series(1, " + customers + ") AS i",
                "CREATE TABLE tp_orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL)",
                "INSERT INTO tp_orders SELECT i, 1 + (i * 7919) % " + customers + " FROM generate_series(1, " + orders + ") AS i");
        for (String cache : new String[] {"'lookup.cache' = 'NONE'", "'lookup.cache' = 'PARTIAL'", "'lookup.cache' = 'NONE'"}) {
            TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
            env.getConfig().set("parallelism.default", "1");
            env.executeSql("CREATE TABLE orders (id BIGINT, customer_id BIGINT, proc_time AS PROCTIME())"
                    + SharedPostgres.with(pg, "tp_orders"));
            env.executeSql("CREATE TABLE customers (id BIGINT, name STRING)" + SharedPostgres.with(pg, "tp_customers", cache,
                    "'lookup.partial-cache.max-rows' = '" + customers + "'"));
            env.executeSql("CREATE TABLE sink (id BIGINT, name STRING) WITH ('connector' = 'blackhole')");
            long start = System.nanoTime();
            env.executeSql("INSERT INTO sink SELECT o.id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF "
                    + "o.proc_time AS c ON o.customer_id = c.id").await();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %,d orders in %.2f s = %,.0f orders/s%n", cache, orders, seconds, orders / seconds);
        }
        System.exit(0);
    }
}
