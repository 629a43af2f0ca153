package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.util.Collector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly-once for the slicing window operator on both backends: a job of tumbling and sliding window aggregates,
 * checkpointing every 50 ms and failing twice (once after the first restore), writes exactly the windows' results of
 * the failure-free arithmetic. On RocksDB the open slices live in the slice cache: every checkpoint must write them,
 * and each restore must start from what the checkpoint held, neither losing nor counting an element twice.
 */
@Timeout(300)
class WindowExactlyOnceOnBothStateBackendsTest {
    private static final long EVENTS = 400_000;
    private static final long HALF = EVENTS / 2;
    private static final int KEYS = 500;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void windowAggregatesThatFailTwiceWriteExactlyTheFailureFreeResults(String backend) throws Exception {
        Path out = dir.resolve("out");
        JobExecutionResult result = run(backend, out);
        if (backend.equals("rocksdb")) {
            RocksDBWindowsTest.awaitDatabasesClosed(dir.resolve("rocksdb"));
        }
        assertThat(result.<Integer>getAccumulatorResult("attempt")).as("the job finished in its third attempt").isEqualTo(2);
        assertThat(CommittedFiles.sortedLines(out)).isEqualTo(expected());
    }

    /** Each source subtask reads a contiguous half; element i has timestamp i mod HALF, so both halves move together. */
    private JobExecutionResult run(String backend, Path out) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setStateBackend(backend.equals("rocksdb") ? rocksDB() : new HashMapStateBackend());
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints").toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
        DataStream<Long> events = env.fromSource(new DataGeneratorSource<>(i -> i, EVENTS, RateLimiterStrategy.perSecond(1_000_000)),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> v % HALF), "events").uid("events")
                .map(new FailTwice()).uid("fail");
        DataStream<String> tumbling = events.keyBy(v -> v % KEYS).window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .aggregate(new CountAndSum(), new Labelled("tumbling")).uid("tumbling");
        DataStream<String> sliding = events.keyBy(v -> v % KEYS)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .aggregate(new CountAndSum(), new Labelled("sliding")).uid("sliding");
        tumbling.union(sliding).sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build()).uid("files");
        return env.execute("window-exactly-once-" + backend);
    }

    private EmbeddedRocksDBStateBackend rocksDB() {
        EmbeddedRocksDBStateBackend rocks = new EmbeddedRocksDBStateBackend();
        rocks.setDbStoragePath(dir.resolve("rocksdb").toString());
        return rocks;
    }

    /** "kind,key,start,count,sum" of every window holding an element of the key. */
    private static List<String> expected() {
        long[][] tumbling = new long[KEYS][(int) (HALF / 10_000)];
        long[][] tumblingCounts = new long[KEYS][(int) (HALF / 10_000)];
        for (long i = 0; i < EVENTS; i++) {
            int key = (int) (i % KEYS);
            int window = (int) ((i % HALF) / 10_000);
            tumbling[key][window] += i;
            tumblingCounts[key][window]++;
        }
        List<String> out = new ArrayList<>();
        int windows = tumbling[0].length;
        for (int key = 0; key < KEYS; key++) {
            for (int w = 0; w < windows; w++) {
                if (tumblingCounts[key][w] > 0) {
                    out.add("tumbling," + key + "," + w * 10_000L + "," + tumblingCounts[key][w] + "," + tumbling[key][w]);
                }
                // Sliding windows of three tumbling ones: [w - 2, w] ... starting two slides before the first.
                long count = 0;
                long sum = 0;
                for (int s = w; s < w + 3 && s < windows; s++) {
                    count += tumblingCounts[key][s];
                    sum += tumbling[key][s];
                }
                if (count > 0) {
                    out.add("sliding," + key + "," + w * 10_000L + "," + count + "," + sum);
                }
            }
            for (int w = -2; w < 0; w++) {
                long count = 0;
                long sum = 0;
                for (int s = 0; s < w + 3; s++) {
                    count += tumblingCounts[key][s];
                    sum += tumbling[key][s];
                }
                if (count > 0) {
                    out.add("sliding," + key + "," + w * 10_000L + "," + count + "," + sum);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Throws once in the first attempt and once in the second, in the first source subtask's half. */
    static final class FailTwice extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext openContext) {
            if (getRuntimeContext().getIndexOfThisSubtask() == 0) {
                getRuntimeContext().addAccumulator("attempt",
                        new dev.weir.api.common.accumulators.IntCounter(getRuntimeContext().getTaskInfo().getAttemptNumber()));
            }
        }

        @Override
        public Long map(Long value) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            if ((attempt == 0 && value == 120_000) || (attempt == 1 && value == 170_000)) {
                throw new IllegalStateException("injected failure at " + value + " in attempt " + attempt);
            }
            return value;
        }
    }

    /** Count and sum in one accumulator. */
    static final class CountAndSum implements AggregateFunction<Long, long[], long[]> {
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
        public long[] getResult(long[] acc) {
            return acc;
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    static final class Labelled extends ProcessWindowFunction<long[], String, Long, TimeWindow> {
        private final String kind;

        Labelled(String kind) {
            this.kind = kind;
        }

        @Override
        public void process(Long key, Context ctx, Iterable<long[]> results, Collector<String> out) {
            long[] r = results.iterator().next();
            out.collect(kind + "," + key + "," + ctx.window().getStart() + "," + r[0] + "," + r[1]);
        }
    }
}
