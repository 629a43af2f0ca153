package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static dev.weir.table.api.Expressions.$;
import static dev.weir.table.api.Expressions.call;
import static dev.weir.table.api.Expressions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.sql.TableApiRowBasedOperationsTest.Top2;
import dev.weir.sql.TableApiRowBasedOperationsTest.Top2Accum;
import dev.weir.sql.TableApiRowBasedOperationsTest.Top2WithRetract;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Session;
import dev.weir.table.api.Slide;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.Tumble;
import dev.weir.table.api.ValidationException;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.table.functions.TableAggregateFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;
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
 * The Table API's {@code window(..).groupBy(..).flatAggregate(..)}, as Flink 2.3 runs it (a GroupWindowTableAggregate):
 * the table aggregate function's {@code emitValue} is called once per key when its window fires, and each emitted
 * value is an insert row with the keys and the window's properties. On the clicks table (u, n, ts: a 1 10:00, a 2
 * 10:03, b 5 10:04, a 4 10:09, b 1 10:06, a 8 10:07:59, in that order).
 */
class TableApiWindowFlatAggregateTest {
    @TempDir
    Path dir;

    private Table clicks() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        env.getConfig().set("parallelism.default", "1");
        return env.from("clicks");
    }

    @Test
    void aTumblingWindowEmitsEachKeysTopTwoOnceWhenTheWindowFires() throws Exception {
        Table result = clicks().window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .flatAggregate(call(Top2.class, $("n")).as("v", "rank"))
                .select($("u"), $("w").start(), $("w").end(), $("w").rowtime(), $("v"), $("rank"));
        assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("u", "EXPR$0", "EXPR$1", "EXPR$2", "v", "rank");
        assertThat(rows(result.execute())).containsExactlyInAnyOrder(
                "+I[a, 2020-01-01T10:00, 2020-01-01T10:05, 2020-01-01T10:04:59.999, 2, 1]",
                "+I[a, 2020-01-01T10:00, 2020-01-01T10:05, 2020-01-01T10:04:59.999, 1, 2]",
                "+I[b, 2020-01-01T10:00, 2020-01-01T10:05, 2020-01-01T10:04:59.999, 5, 1]",
                "+I[a, 2020-01-01T10:05, 2020-01-01T10:10, 2020-01-01T10:09:59.999, 8, 1]",
                "+I[a, 2020-01-01T10:05, 2020-01-01T10:10, 2020-01-01T10:09:59.999, 4, 2]",
                "+I[b, 2020-01-01T10:05, 2020-01-01T10:10, 2020-01-01T10:09:59.999, 1, 1]");
    }

    @Test
    void aSlidingWindowMergesItsSlicesAccumulatorsWithTheFunctionsMerge() throws Exception {
        Table result = clicks().window(Slide.over(lit(10).minutes()).every(lit(5).minutes()).on($("ts")).as("w"))
                .groupBy($("u"), $("w")).flatAggregate(call(MergingTop2.class, $("n")).as("v", "rank"))
                .select($("u"), $("w").start(), $("v"), $("rank"));
        assertThat(rows(result.execute())).containsExactlyInAnyOrder(
                "+I[a, 2020-01-01T09:55, 2, 1]", "+I[a, 2020-01-01T09:55, 1, 2]", "+I[b, 2020-01-01T09:55, 5, 1]",
                "+I[a, 2020-01-01T10:00, 8, 1]", "+I[a, 2020-01-01T10:00, 4, 2]",
                "+I[b, 2020-01-01T10:00, 5, 1]", "+I[b, 2020-01-01T10:00, 1, 2]",
                "+I[a, 2020-01-01T10:05, 8, 1]", "+I[a, 2020-01-01T10:05, 4, 2]", "+I[b, 2020-01-01T10:05, 1, 1]");
    }

    @Test
    void aSessionWindowEmitsOncePerSessionAfterItsSessionsMerged() throws Exception {
        // a: 10:00 and 10:03 touch with a gap of 3 minutes, as do 10:07:59 and 10:09; b: 10:04 and 10:06.
        Table result = clicks().window(Session.withGap(lit(3).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .flatAggregate(call(MergingTop2.class, $("n")).as("v", "rank"))
                .select($("u"), $("w").start(), $("w").end(), $("v"), $("rank"));
        assertThat(rows(result.execute())).containsExactlyInAnyOrder(
                "+I[a, 2020-01-01T10:00, 2020-01-01T10:06, 2, 1]", "+I[a, 2020-01-01T10:00, 2020-01-01T10:06, 1, 2]",
                "+I[a, 2020-01-01T10:07:59, 2020-01-01T10:12, 8, 1]", "+I[a, 2020-01-01T10:07:59, 2020-01-01T10:12, 4, 2]",
                "+I[b, 2020-01-01T10:04, 2020-01-01T10:09, 5, 1]", "+I[b, 2020-01-01T10:04, 2020-01-01T10:09, 1, 2]");
    }

    @Test
    void withoutKeysAndAliasesTheWholeWindowIsOneGroupAndTheColumnsAreTheTuplesFields() throws Exception {
        Table result = clicks().window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("w"))
                .flatAggregate(call(Top2.class, $("n"))).select($("w").start(), $("f0"), $("f1"));
        assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("EXPR$0", "f0", "f1");
        assertThat(rows(result.execute())).containsExactlyInAnyOrder("+I[2020-01-01T10:00, 5, 1]",
                "+I[2020-01-01T10:00, 2, 2]", "+I[2020-01-01T10:05, 8, 1]", "+I[2020-01-01T10:05, 4, 2]");
    }

    @Test
    void theWindowsRowtimeStaysATimeAttributeForAnotherWindow() throws Exception {
        Table topTwo = clicks().window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .flatAggregate(call(Top2.class, $("n")).as("v", "rank")).select($("u"), $("w").rowtime().as("rt"), $("v"));
        Table perTenMinutes = topTwo.window(Tumble.over(lit(10).minutes()).on($("rt")).as("w2")).groupBy($("w2"))
                .select($("w2").start(), $("v").sum().as("total"), $("v").count().as("rows"));
        assertThat(rows(perTenMinutes.execute())).containsExactly("+I[2020-01-01T10:00, 21, 6]");
    }

    @Test
    void theExplainNamesTheGroupWindowTableAggregate() throws Exception {
        Table result = clicks().window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .flatAggregate(call(Top2.class, $("n")).as("v", "rank")).select($("u"), $("v"), $("rank"));
        assertThat(result.explain()).contains("GroupWindowTableAggregate(groupBy=[u], window=[TUMBLE(");
    }

    @Test
    void aProcessingTimeWindowPlansOnTheProcessingTimeWindowOperatorWithTheWindowsProctime() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE pclicks (u STRING, n INT, pt AS PROCTIME()) WITH ('connector' = 'filesystem', "
                + "'path' = '" + SqlTestSupport.csv(dir, "pclicks", "a,1", "b,2") + "', 'format' = 'csv')");
        Table result = env.from("pclicks").window(Tumble.over(lit(5).minutes()).on($("pt")).as("w")).groupBy($("u"), $("w"))
                .flatAggregate(call(Top2.class, $("n")).as("v", "rank")).select($("u"), $("w").proctime().as("t"), $("v"));
        assertThat(result.getResolvedSchema().getColumnNames()).containsExactly("u", "t", "v");
        assertThat(result.explain()).contains("GroupWindowTableAggregate(groupBy=[u], window=[TUMBLE(").contains("PROCTIME");
    }

    @Test
    void slidingAndSessionWindowsRefuseAFunctionWithoutMerge() throws Exception {
        Table c = clicks();
        assertThatThrownBy(() -> c.window(Slide.over(lit(10).minutes()).every(lit(5).minutes()).on($("ts")).as("w"))
                .groupBy($("u"), $("w")).flatAggregate(call(Top2.class, $("n")).as("v", "rank")).select($("u"), $("v")).execute())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("has no merge method, which a sliding or session group window needs");
        assertThatThrownBy(() -> c.window(Session.withGap(lit(3).minutes()).on($("ts")).as("w"))
                .groupBy($("u"), $("w")).flatAggregate(call(Top2.class, $("n")).as("v", "rank")).select($("u"), $("v")).execute())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("has no merge method, which a sliding or session group window needs");
    }

    @Test
    void planningRefusesAGroupWithoutTheWindowAWrongAliasListAndEmitUpdateWithRetract() throws Exception {
        Table c = clicks();
        assertThatThrownBy(() -> c.window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"))
                .flatAggregate(call(Top2.class, $("n")).as("v", "rank")).select($("u"), $("v")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("GroupBy must contain exactly one window alias.");
        assertThatThrownBy(() -> c.window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .flatAggregate(call(Top2.class, $("n")).as("v", "rank")).select($("*")))
                .isInstanceOf(ValidationException.class).hasMessage("Can not use * for window aggregate! Select the keys, "
                        + "the function's columns [v, rank] and the window's properties ($(\"w\").start(), end(), rowtime() "
                        + "or proctime()) by name");
        assertThatThrownBy(() -> c.window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .flatAggregate(call(Top2.class, $("n")).as("v")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("List of column aliases must have same degree as table");
        assertThatThrownBy(() -> c.window(Tumble.over(lit(5).minutes()).on($("ts")).as("w")).groupBy($("u"), $("w"))
                .flatAggregate(call(Top2WithRetract.class, $("n")).as("v", "rank")).select($("u"), $("v")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("defines emitUpdateWithRetract");
    }

    @Test
    @Timeout(300)
    void aWindowFlatAggregateRestoredFromCheckpointsWritesTheFailureFreeRows() throws Exception {
        List<String> clean = runCheckpointedJob(dir.resolve("clean"), false);
        List<String> faulty = runCheckpointedJob(dir.resolve("faulty"), true);
        // 2 halves x 10 keys x 100 one-second windows, each key's window holding v = s * 1000 + k % 10 + 10 * j (j < 100):
        // its top two are s * 1000 + 990 + k % 10 and s * 1000 + 980 + k % 10.
        assertThat(clean).hasSize(2 * 10 * 100 * 2).contains("+I[5, 1970-01-01T00:00:07, 7995, 1]",
                "+I[5, 1970-01-01T00:00:07, 7985, 2]", "+I[103, 1970-01-01T00:01:39, 99993, 1]");
        assertThat(faulty).isEqualTo(clean);
    }

    /**
     * The window flatAggregate over SqlRecoveryTest's generated events (200000 rows at parallelism 2, checkpoints every
     * 50 ms), failed twice when {@code inject}, its rows written by the exactly-once file sink, sorted.
     */
    private List<String> runCheckpointedJob(Path out, boolean inject) throws Exception {
        long events = 200_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + System.nanoTime()).toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.getConfig().set("table.local-time-zone", "UTC");
        // Each source subtask generates a contiguous half of the indexes, and keys never mix the halves.
        DataStream<Row> rows = env.fromSource(new DataGeneratorSource<>(
                        i -> Row.of((i / (events / 2)) * 100 + i % 10, i % (events / 2), i % (events / 2)), events,
                        RateLimiterStrategy.perSecond(1_000_000)), WatermarkStrategy.noWatermarks(), "events").uid("events")
                .map(new SqlRecoveryTest.FailTwice(inject)).uid("fail");
        tEnv.createTemporaryView("events", rows, Schema.newBuilder()
                .column("k", DataTypes.BIGINT())
                .column("v", DataTypes.BIGINT())
                .column("ts_millis", DataTypes.BIGINT())
                .columnByExpression("ts", "TO_TIMESTAMP_LTZ(ts_millis, 3)")
                .watermark("ts", "ts - INTERVAL '1' SECOND")
                .build());
        Table top = tEnv.from("events").window(Tumble.over(lit(1).seconds()).on($("ts")).as("w")).groupBy($("k"), $("w"))
                .flatAggregate(call(LongTop2.class, $("v")).as("top", "rank")).select($("k"), $("w").start(), $("top"), $("rank"));
        tEnv.toChangelogStream(top).map(Row::toString)
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build());
        env.execute("window flatAggregate");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out).filter(Files::isRegularFile)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        lines.sort(null);
        return lines;
    }

    /** The accumulator of {@link LongTop2}. */
    public static class LongTop2Accum {
        public long first = Long.MIN_VALUE;
        public long second = Long.MIN_VALUE;
    }

    /** Top2 over BIGINT values. */
    public static class LongTop2 extends TableAggregateFunction<Tuple2<Long, Integer>, LongTop2Accum> {
        @Override
        public LongTop2Accum createAccumulator() {
            return new LongTop2Accum();
        }

        public void accumulate(LongTop2Accum acc, Long v) {
            if (v > acc.first) {
                acc.second = acc.first;
                acc.first = v;
            } else if (v > acc.second) {
                acc.second = v;
            }
        }

        public void emitValue(LongTop2Accum acc, Collector<Tuple2<Long, Integer>> out) {
            out.collect(Tuple2.of(acc.first, 1));
            if (acc.second != Long.MIN_VALUE) {
                out.collect(Tuple2.of(acc.second, 2));
            }
        }
    }

    /** {@link Top2} with {@code merge}, which sliding and session windows need. */
    public static class MergingTop2 extends Top2 {
        public void merge(Top2Accum acc, Iterable<Top2Accum> others) {
            for (Top2Accum other : others) {
                accumulate(acc, other.first);
                accumulate(acc, other.second);
            }
        }
    }
}
