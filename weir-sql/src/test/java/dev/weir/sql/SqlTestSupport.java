package dev.weir.sql;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.TableResult;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared by the SQL tests: a fresh environment, CSV input files, and a result's rows as Flink prints them. */
final class SqlTestSupport {
    private SqlTestSupport() {
    }

    static TableEnvironment env() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("table.local-time-zone", "UTC");
        env.getConfig().set("parallelism.default", "2");
        return env;
    }

    /**
     * A fresh environment with the window tests' table {@code clicks (u, n, ts)}: six rows of two users over ten minutes,
     * out of order within the watermark's 10 minutes.
     */
    static TableEnvironment timedClicks(Path dir) throws IOException {
        TableEnvironment env = env();
        Path in = csv(dir, "clicks", "a,1,2020-01-01 10:00:00", "a,2,2020-01-01 10:03:00", "b,5,2020-01-01 10:04:00",
                "a,4,2020-01-01 10:09:00", "b,1,2020-01-01 10:06:00", "a,8,2020-01-01 10:07:59");
        env.executeSql("CREATE TABLE clicks (u STRING, n INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '10' MINUTE) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv')");
        return env;
    }

    static Path csv(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name + ".csv");
        Files.write(file, List.of(lines));
        return file;
    }

    static List<String> rows(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            while (it.hasNext()) {
                rows.add(it.next().toString());
            }
        }
        return rows;
    }

    static List<String> rows(TableEnvironment env, String query) throws Exception {
        return rows(env.executeSql(query));
    }

    /** A result's rows after its changelog is applied (every -U/-D cancels an earlier +I/+U), as {@code [fields]}. */
    static List<String> materialized(TableEnvironment env, String query) throws Exception {
        return materialized(env.executeSql(query));
    }

    /** A result's rows after its changelog is applied, as {@code [fields]}. */
    static List<String> materialized(TableResult result) throws Exception {
        List<String> live = new ArrayList<>();
        for (String row : rows(result)) {
            String fields = row.substring(row.indexOf('['));
            if (row.startsWith("+I") || row.startsWith("+U")) {
                live.add(fields);
            } else if (!live.remove(fields)) {
                throw new AssertionError("retracted row " + row + " was not emitted before");
            }
        }
        return live;
    }
}
