package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Schema;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.types.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL jobs are ordinary Weir jobs: a window aggregate and an updating GROUP BY, failed twice by an injected
 * exception and restored from their checkpoints, write exactly the failure-free output through the exactly-once
 * file sink.
 */
@Timeout(300)
class SqlRecoveryTest {
    private static final long EVENTS = 200_000;

    @TempDir
    Path dir;

    @Test
    void aWindowAggregateRestoredFromCheckpointsWritesTheFailureFreeRows() throws Exception {
        String query = "INSERT INTO out SELECT k, CAST(window_start AS STRING), COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE events, "
                + "DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end";
        List<String> clean = runWindowJob(dir.resolve("clean"), query, false);
        List<String> faulty = runWindowJob(dir.resolve("faulty"), query, true);
        // 2 halves x 10 keys, each key one event in 10 of the 1000 per second: 100 per window.
        assertThat(clean).hasSize(2 * 10 * (int) (EVENTS / 2 / 1000)).contains("5,1970-01-01 00:00:00.000,100,50000");
        assertThat(faulty).isEqualTo(clean);
    }

    @Test
    void aTemporalSortRestoredFromCheckpointsWritesEveryRowOnce() throws Exception {
        // The rows waiting for the watermark are in the sort's checkpointed state: none is lost or written twice.
        String query = "INSERT INTO out SELECT k, CAST(ts AS STRING), v, ts_millis FROM events ORDER BY ts, k";
        List<String> clean = runWindowJob(dir.resolve("clean-sort"), query, false);
        List<String> faulty = runWindowJob(dir.resolve("faulty-sort"), query, true);
        assertThat(clean).hasSize((int) EVENTS).contains("105,1970-01-01 00:00:01.005,1005,1005");
        assertThat(faulty).isEqualTo(clean);
    }

    @Test
    void anUpdatingAggregateRestoredFromCheckpointsEmitsTheFailureFreeChangelog() throws Exception {
        List<String> clean = runChangelogJob(dir.resolve("clean-changelog"), false);
        List<String> faulty = runChangelogJob(dir.resolve("faulty-changelog"), true);
        // Two keys of 10000 rows each: +I for the first row, -U and +U for each other.
        assertThat(clean).hasSize(2 * (2 * 10_000 - 1)).contains("+I[5, 1, 5]", "-U[5, 1, 5]", "+U[5, 2, 20]");
        assertThat(faulty).isEqualTo(clean);
    }

    @Test
    void sharedDistinctCountsRestoredFromCheckpointsEmitTheFailureFreeChangelog() throws Exception {
        // Two COUNT(DISTINCT) over one column share one table (SharedCountDistinct), restored from the checkpoints.
        String query = "SELECT k, COUNT(DISTINCT v % 1000), COUNT(DISTINCT v % 1000) FILTER (WHERE v % 20 = 5) FROM events "
                + "WHERE k % 100 = 5 GROUP BY k";
        List<String> clean = runChangelogJob(dir.resolve("clean-distinct"), query, false);
        List<String> faulty = runChangelogJob(dir.resolve("faulty-distinct"), query, true);
        // Key 5 sees v = 5, 15, 25, ...: 100 values of v % 1000, 50 of them with v % 20 = 5; key 105 the same. A key's
        // result changes with each of its first 100 rows (+I, then -U/+U) and never after.
        assertThat(clean).hasSize(2 * (1 + 2 * 99)).contains("+I[5, 1, 1]", "-U[5, 2, 1]", "+U[5, 3, 2]",
                "+U[5, 100, 50]", "+U[105, 100, 50]");
        assertThat(faulty).isEqualTo(clean);
    }

    @Test
    void bitmapAggregatesRestoredFromCheckpointsEmitTheFailureFreeChangelog() throws Exception {
        // The accumulators hold Roaring bitmaps (BitmapAggregates), written into the checkpoints and read back.
        String query = "SELECT k, BITMAP_BUILD_CARDINALITY_AGG(CAST(v % 1000 AS INT)), "
                + "BITMAP_TO_STRING(BITMAP_BUILD_AGG(CAST(v % 7 AS INT))) FROM events WHERE k % 100 = 5 GROUP BY k";
        List<String> clean = runChangelogJob(dir.resolve("clean-bitmap"), query, false);
        List<String> faulty = runChangelogJob(dir.resolve("faulty-bitmap"), query, true);
        // Key 5 sees v = 5, 15, 25, ...: 100 values of v % 1000, each of its first 100 rows adds one; key 105 the same.
        assertThat(clean).hasSize(2 * (1 + 2 * 99)).contains("+I[5, 1, {5}]", "+U[5, 100, {0,1,2,3,4,5,6}]",
                "+U[105, 100, {0,1,2,3,4,5,6}]");
        assertThat(faulty).isEqualTo(clean);
    }

    private StreamTableEnvironment tables(StreamExecutionEnvironment env, boolean inject) {
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + System.nanoTime()).toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.getConfig().set("table.local-time-zone", "UTC");
        // Each source subtask generates a contiguous half of the indexes; keys never mix the halves, so each key's
        // rows arrive in one order and every key's changelog is deterministic.
        DataStream<Row> events = env.fromSource(new DataGeneratorSource<>(
                        i -> Row.of((i / (EVENTS / 2)) * 100 + i % 10, i % (EVENTS / 2), i % (EVENTS / 2)), EVENTS,
                        RateLimiterStrategy.perSecond(1_000_000)), WatermarkStrategy.noWatermarks(), "events").uid("events")
                .map(new FailTwice(inject)).uid("fail");
        tEnv.createTemporaryView("events", events, Schema.newBuilder()
                .column("k", DataTypes.BIGINT())
                .column("v", DataTypes.BIGINT())
                .column("ts_millis", DataTypes.BIGINT())
                .columnByExpression("ts", "TO_TIMESTAMP_LTZ(ts_millis, 3)")
                .watermark("ts", "ts - INTERVAL '1' SECOND")
                .build());
        return tEnv;
    }

    private List<String> runWindowJob(Path out, String query, boolean inject) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        StreamTableEnvironment tEnv = tables(env, inject);
        tEnv.executeSql("CREATE TABLE out (k BIGINT, window_start STRING, cnt BIGINT, total BIGINT) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + out + "', 'format' = 'csv')");
        tEnv.executeSql(query).await();
        return lines(out);
    }

    private List<String> runChangelogJob(Path out, boolean inject) throws Exception {
        return runChangelogJob(out, "SELECT k, COUNT(*), SUM(v) FROM events WHERE k % 100 = 5 GROUP BY k", inject);
    }

    private List<String> runChangelogJob(Path out, String query, boolean inject) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        StreamTableEnvironment tEnv = tables(env, inject);
        tEnv.toChangelogStream(tEnv.sqlQuery(query))
                .map(Row::toString).sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build());
        env.execute("changelog");
        return lines(out);
    }

    private static List<String> lines(Path directory) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory).filter(Files::isRegularFile)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
                all.addAll(Files.readAllLines(p));
            }
        }
        all.sort(null);
        return all;
    }

    /** Throws once in the first attempt and once in the second, in the first half of the input. */
    static final class FailTwice extends RichMapFunction<Row, Row> {
        private final boolean inject;

        FailTwice(boolean inject) {
            this.inject = inject;
        }

        @Override
        public Row map(Row row) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            long k = (Long) row.getField(0);
            long v = (Long) row.getField(1);
            if (inject && k < 100 && ((attempt == 0 && v == 60_000) || (attempt == 1 && v == 80_000))) {
                throw new IllegalStateException("injected failure at " + v + " in attempt " + attempt);
            }
            return row;
        }
    }
}
