package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.runtime.state.StateBackend;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.SingleOutputStreamOperator;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.util.CloseableIterator;
import dev.weir.util.OutputTag;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slicing window operator with its slices in RocksDB gives exactly the heap's results on out-of-order input:
 * tumbling reduce, sliding aggregate (windows of three slices, combined key by key from RocksDB), sliding windows of
 * many slices, and windows without pre-aggregation (buffered elements), with late elements side-output alike.
 */
class RocksDBSlicedWindowsTest {
    private static final long N = 10_000;
    private static final OutputTag<Long> LATE = new OutputTag<>("late") {
    };

    @TempDir
    Path dir;

    @Test
    void slicedWindowsOnRocksDBGiveTheHeapsResultsOnOutOfOrderInput() throws Exception {
        List<String> heap = run(new HashMapStateBackend());
        EmbeddedRocksDBStateBackend rocks = new EmbeddedRocksDBStateBackend();
        rocks.setDbStoragePath(dir.toString());
        List<String> onRocks = run(rocks);
        RocksDBWindowsTest.awaitDatabasesClosed(dir);
        assertThat(heap).hasSizeGreaterThan(1_000).anyMatch(line -> line.startsWith("late,"));
        assertThat(onRocks).isEqualTo(heap);
    }

    private static List<String> run(StateBackend backend) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setStateBackend(backend);
        // Every seventh number comes 100 to 600 ms behind its neighbours; the watermark trails the largest timestamp by
        // 300 ms after every element, so some of them are late, the same ones in every run.
        DataStream<Long> numbers = env.fromSource(new DataGeneratorSource<>(i -> i, N, RateLimiterStrategy.perSecond(1_000_000_000)),
                WatermarkStrategy.<Long>forGenerator(context -> new TrailingWatermarks())
                        .withTimestampAssigner((v, t) -> v * 3 - (v % 7 == 0 ? 100 + (v % 6) * 100 : 0)), "numbers")
                .setParallelism(1);
        SingleOutputStreamOperator<Long> sums = numbers.keyBy(v -> v % 11)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .sideOutputLateData(LATE)
                .reduce(Long::sum);
        DataStream<String> tumbling = sums.map(s -> "tumbling," + s);
        DataStream<String> sliding = numbers.keyBy(v -> v % 5)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(1500), Duration.ofMillis(500)))
                .aggregate(new CountAndSum())
                .map(s -> "sliding," + s);
        DataStream<String> manySlices = numbers.keyBy(v -> v % 3)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(6), Duration.ofMillis(250)))
                .reduce(Math::max)
                .map(s -> "many-slices," + s);
        DataStream<String> buffered = numbers.keyBy(v -> v % 4)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .process(new RocksDBWindowsTest.Describe())
                .map(s -> "buffered," + s);
        DataStream<String> late = sums.getSideOutput(LATE).map(v -> "late," + v);
        List<String> out = new ArrayList<>();
        try (CloseableIterator<String> it = tumbling.union(sliding, manySlices, buffered, late).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        out.sort(null);
        return out;
    }

    /** A watermark 300 ms behind the largest timestamp after every element, so lateness does not depend on timing. */
    static final class TrailingWatermarks implements WatermarkGenerator<Long> {
        private long max = Long.MIN_VALUE + 301;

        @Override
        public void onEvent(Long event, long timestamp, WatermarkOutput output) {
            max = Math.max(max, timestamp);
            output.emitWatermark(new Watermark(max - 301));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    /** Count and sum of a window's numbers, as text. */
    static final class CountAndSum implements AggregateFunction<Long, long[], String> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0]++;
            acc[1] += value;
            return acc;
        }

        @Override
        public String getResult(long[] acc) {
            return acc[0] + "," + acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }
}
