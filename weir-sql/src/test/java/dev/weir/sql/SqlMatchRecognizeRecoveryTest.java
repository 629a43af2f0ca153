package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MATCH_RECOGNIZE restored from checkpoints: the rows waiting for the watermark and the partial matches are in keyed
 * state, so a job failed twice by an injected exception writes exactly the failure-free matches, on the heap and on
 * RocksDB.
 */
@Timeout(300)
class SqlMatchRecognizeRecoveryTest {
    private static final long EVENTS = 200_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void partialMatchesRestoredFromCheckpointsGiveTheFailureFreeMatches(String backend) throws Exception {
        List<String> clean = run(dir.resolve("clean"), backend, false);
        List<String> faulty = run(dir.resolve("faulty"), backend, true);

        // Key 0's values are 0, 10, 20, ...: A = 0, B+ = 10..60 (no multiple of 7), C = 70; then A = 80, B+ = 90..130, C = 140.
        assertThat(clean).contains("+I[0, 0, 70, 6]", "+I[0, 80, 140, 5]");
        assertThat(faulty).isEqualTo(clean);
    }

    private List<String> run(Path out, String backend, boolean inject) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + System.nanoTime()).toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
        env.setStateBackend(backend.equals("rocksdb") ? new dev.weir.state.rocksdb.EmbeddedRocksDBStateBackend()
                : new dev.weir.runtime.state.hashmap.HashMapStateBackend());
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.getConfig().set("table.local-time-zone", "UTC");
        // Each source subtask generates a contiguous half; keys never mix the halves, so each key's rows are in order.
        DataStream<Row> events = env.fromSource(new DataGeneratorSource<>(
                        i -> Row.of((i / (EVENTS / 2)) * 100 + i % 10, i % (EVENTS / 2), i % (EVENTS / 2)), EVENTS,
                        RateLimiterStrategy.perSecond(1_000_000)), WatermarkStrategy.noWatermarks(), "events").uid("events")
                .map(new SqlRecoveryTest.FailTwice(inject)).uid("fail");
        tEnv.createTemporaryView("events", events, Schema.newBuilder()
                .column("k", DataTypes.BIGINT())
                .column("v", DataTypes.BIGINT())
                .column("ts_millis", DataTypes.BIGINT())
                .columnByExpression("ts", "TO_TIMESTAMP_LTZ(ts_millis, 3)")
                .watermark("ts", "ts - INTERVAL '1' SECOND")
                .build());
        String query = "SELECT * FROM events MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts MEASURES A.v AS a, C.v AS c, "
                + "COUNT(B.v) AS n ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+ C) "
                + "DEFINE B AS B.v % 7 <> 0, C AS C.v % 7 = 0)";
        tEnv.toChangelogStream(tEnv.sqlQuery(query))
                .map(Row::toString).sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build());
        env.execute("match");
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out).filter(Files::isRegularFile)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
                all.addAll(Files.readAllLines(p));
            }
        }
        all.sort(null);
        return all;
    }
}
