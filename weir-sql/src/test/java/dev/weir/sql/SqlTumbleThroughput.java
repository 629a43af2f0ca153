package dev.weir.sql;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;

/**
 * Events per second of the tumbling window TVF aggregate (count, sum, max per key and 1 s window) from a datagen
 * sequence into a blackhole, at parallelism 2; a measurement to run by hand (with JFR to find the costs), not a test.
 * Argument: the number of events (default 5,000,000).
 */
public final class SqlTumbleThroughput {
    private SqlTumbleThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
        for (int run = 0; run < 3; run++) {
            TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
            env.getConfig().set("table.local-time-zone", "UTC");
            env.getConfig().set("parallelism.default", "2");
            // 1,000 keys, 10,000 events per second of event time: every window holds 10 events per key.
            env.executeSql("CREATE TABLE events (id BIGINT, k AS id % 1000, v AS id % 97, ts AS TO_TIMESTAMP_LTZ(id / 10, 3), "
                    + "WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '0', "
                    + "'fields.id.end' = '" + (events - 1) + "', 'rows-per-second' = '1000000000')");
            env.executeSql("CREATE TABLE sink (k BIGINT, window_start TIMESTAMP(3), c BIGINT, s BIGINT, m BIGINT) WITH ('connector' = 'blackhole')");
            long start = System.nanoTime();
            env.executeSql("INSERT INTO sink SELECT k, window_start, COUNT(*), SUM(v), MAX(v) FROM TABLE(TUMBLE(TABLE events, "
                    + "DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end").await();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %,d events in %.2f s = %,.0f events/s%n", run, events, seconds, events / seconds);
        }
        System.exit(0);
    }
}
