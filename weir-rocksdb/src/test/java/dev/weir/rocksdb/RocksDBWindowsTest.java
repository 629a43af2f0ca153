package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.runtime.state.StateBackend;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.evictors.CountEvictor;
import dev.weir.streaming.api.windowing.triggers.CountTrigger;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.util.CloseableIterator;
import dev.weir.util.Collector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window operators that keep their contents in the keyed state backend (merging session windows with their
 * merging-window set and merged accumulators, windows with an evictor or a custom trigger holding every element,
 * sliding windows with a process function) give on RocksDB exactly the results they give on the heap.
 */
class RocksDBWindowsTest {
    private static final long N = 20_000;

    @TempDir
    Path dir;

    @Test
    void sessionEvictorTriggerAndProcessWindowsGiveTheHeapsResultsOnRocksDB() throws Exception {
        List<String> heap = run(new HashMapStateBackend());
        EmbeddedRocksDBStateBackend rocks = new EmbeddedRocksDBStateBackend();
        rocks.setDbStoragePath(dir.toString());
        List<String> onRocks = run(rocks);
        awaitDatabasesClosed(dir);
        assertThat(heap).hasSizeGreaterThan(1_000);
        assertThat(onRocks).isEqualTo(heap);
    }

    private static List<String> run(StateBackend backend) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setStateBackend(backend);
        // Event time jumps a 300 ms gap every 50 numbers: sessions of each key merge within a run and close at the gap.
        DataStream<Long> numbers = env.fromSource(new DataGeneratorSource<>(i -> i, N, RateLimiterStrategy.perSecond(1_000_000_000)),
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> v * 2 + (v / 50) * 300), "numbers")
                .setParallelism(1);
        DataStream<String> sessions = numbers.keyBy(v -> v % 5)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(100)))
                .reduce(Long::sum)
                .map(s -> "session," + s);
        DataStream<String> evicted = numbers.keyBy(v -> v % 3)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .evictor(CountEvictor.of(4))
                .process(new Describe())
                .map(s -> "evicted," + s);
        DataStream<String> counted = numbers.keyBy(v -> v % 7)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(2)))
                .trigger(CountTrigger.of(25))
                .reduce(Math::max)
                .map(s -> "count-trigger," + s);
        DataStream<String> sliding = numbers.keyBy(v -> v % 4)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(1500), Duration.ofMillis(500)))
                .process(new Describe())
                .map(s -> "sliding," + s);
        List<String> out = new ArrayList<>();
        try (CloseableIterator<String> it = sessions.union(evicted, counted, sliding).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        out.sort(null);
        return out;
    }

    /**
     * The collect iterator ends when the sink has everything, which may be before the window tasks closed their
     * databases (which deletes them): wait for that, so the temporary folder's cleanup does not race it.
     */
    static void awaitDatabasesClosed(Path localDir) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(localDir)) {
                if (left.noneMatch(p -> p.getFileName().toString().startsWith("weir-rocksdb-"))) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("the jobs' RocksDB databases closed").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** The window's key, bounds, element count and sum. */
    static final class Describe extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<Long> elements, Collector<String> out) {
            long count = 0;
            long sum = 0;
            for (long e : elements) {
                count++;
                sum += e;
            }
            out.collect(key + "," + context.window().getStart() + "," + context.window().getEnd() + "," + count + "," + sum);
        }
    }
}
