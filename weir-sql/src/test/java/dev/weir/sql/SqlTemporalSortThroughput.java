package dev.weir.sql;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import java.lang.management.ManagementFactory;

/**
 * CPU nanoseconds per event of the temporal sort ({@code ORDER BY ts}) with many rows of one millisecond, from a
 * datagen sequence into a blackhole at parallelism 1; a measurement to run by hand, not a test. Arguments: the number
 * of events (default 2,000,000) and the rows per millisecond of event time (default 1,000).
 */
public final class SqlTemporalSortThroughput {
    private SqlTemporalSortThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        long perMilli = args.length > 1 ? Long.parseLong(args[1]) : 1_000;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run < 5; run++) {
            TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
            env.getConfig().set("table.local-time-zone", "UTC");
            env.getConfig().set("parallelism.default", "1");
            env.executeSql("CREATE TABLE events (id BIGINT, ts AS TO_TIMESTAMP_LTZ(id / " + perMilli + ", 3), WATERMARK FOR ts "
                    + "AS ts) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '0', "
                    + "'fields.id.end' = '" + (events - 1) + "', 'rows-per-second' = '1000000000')");
            env.executeSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            env.executeSql("INSERT INTO sink SELECT id FROM events ORDER BY ts").await();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %,d events, %d per ms: %.2f s wall, %.0f ns CPU/event%n", run, events, perMilli, seconds,
                    (os.getProcessCpuTime() - cpu) / (double) events);
        }
        System.exit(0);
    }
}
