package dev.weir.bench;

/**
 * The SQL of the SQL workloads, one text for both engines: each engine registers the tables {@code events}
 * ({@code k, v, ts_ms} BIGINT and the rowtime {@code rowtime}, from {@link SqlShape}) and {@code bid}
 * ({@code auction, bidder, price, dateTime} BIGINT and {@code rowtime}, Nexmark's bids of {@code NexmarkShape}) from
 * the bench's shared generators, and runs the query into a {@code blackhole} table.
 *
 * <p>The Nexmark queries in SQL (q5 and q7 among them) are workloads 14q*, which run weir-examples' query files
 * instead ({@link NexmarkSqlScript}).
 */
public final class SqlQueries {
    private SqlQueries() {
    }

    /** Workload 12a: the tumbling window TVF aggregate, count, sum and max per key and 1 s window. */
    public static final String TUMBLING = "SELECT k, window_start, COUNT(*) AS c, SUM(v) AS s, MAX(v) AS m "
            + "FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(rowtime), INTERVAL '1' SECOND)) "
            + "GROUP BY k, window_start, window_end";

    /**
     * Workload 12c, Nexmark q1's projection (the price in euros) under q2's filter on the auction, relaxed from
     * {@code MOD(auction, 123) = 0} to {@code MOD(auction, 2) = 0} so that half the bids reach the projection.
     */
    public static final String PROJECT_FILTER = "SELECT auction, bidder, CAST(0.908 * price AS BIGINT) AS price, `dateTime` "
            + "FROM bid WHERE MOD(auction, 2) = 0";

    /** The blackhole table a measured run inserts {@code workload}'s rows into. */
    public static String sinkTable(Workload workload) {
        return switch (workload) {
            case SQL_TUMBLING -> "CREATE TABLE sink (k BIGINT, window_start TIMESTAMP(3), c BIGINT, s BIGINT, m BIGINT) "
                    + "WITH ('connector' = 'blackhole')";
            case SQL_PROJECT_FILTER -> "CREATE TABLE sink (auction BIGINT, bidder BIGINT, price BIGINT, `dateTime` BIGINT) "
                    + "WITH ('connector' = 'blackhole')";
            default -> throw new IllegalArgumentException("Workload " + workload + " is not a SQL workload");
        };
    }

    /** The query of a SQL workload. */
    public static String of(Workload workload) {
        return switch (workload) {
            case SQL_TUMBLING -> TUMBLING;
            case SQL_PROJECT_FILTER -> PROJECT_FILTER;
            default -> throw new IllegalArgumentException("Workload " + workload + " is not a SQL workload");
        };
    }
}
