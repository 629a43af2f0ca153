package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.weir.streaming.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.weir.streaming.api.windowing.windows.GlobalWindow;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.streaming.api.windowing.windows.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Processing-time windows end to end, on a rate-limited generator (about 300 ms of input into 40 ms windows). The
 * wall clock decides which window an element lands in, so the tests check what must hold however the clock falls:
 * windows are aligned, each holds a run of consecutive elements, no element is in two tumbling windows, and
 * continuous firings of one window only ever grow. As in Flink, windows still open when the input ends do not fire.
 */
@Timeout(60)
class ProcessingTimeWindowsTest {
    private static final long EVENTS = 60;
    private static final long WINDOW = 40;

    /** One fired window: its bounds (or -1 for the global window) and the generator indexes it held, in order. */
    record Fired(long start, long end, List<Long> indexes) {
    }

    static final class Collect<W extends Window> extends ProcessWindowFunction<Long, Fired, Integer, W> {
        @Override
        public void process(Integer key, Context ctx, Iterable<Long> elements, Collector<Fired> out) {
            List<Long> indexes = new ArrayList<>();
            elements.forEach(indexes::add);
            Window w = ctx.window();
            out.collect(w instanceof TimeWindow t ? new Fired(t.getStart(), t.getEnd(), indexes) : new Fired(-1, -1, indexes));
        }
    }

    private static DataStream<Long> slowSequence(StreamExecutionEnvironment env) {
        return env.fromSource(new DataGeneratorSource<>(i -> i, EVENTS, RateLimiterStrategy.perSecond(200)),
                WatermarkStrategy.noWatermarks(), "paced");
    }

    @Test
    void tumblingProcessingTimeWindowsHoldAlignedRunsOfConsecutiveElementsAndNeverAnElementTwice() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Fired> fired = Jobs.collect(slowSequence(env).keyBy(i -> 0)
                .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(WINDOW)))
                .trigger(ProcessingTimeTrigger.create())
                .process(new Collect<TimeWindow>()));
        assertThat(fired).hasSizeGreaterThan(1);
        long next = 0;
        long lastEnd = Long.MIN_VALUE;
        for (Fired f : fired) {
            assertThat(f.end() - f.start()).isEqualTo(WINDOW);
            assertThat(Math.floorMod(f.start(), WINDOW)).isZero();
            assertThat(f.start()).isGreaterThanOrEqualTo(lastEnd);
            assertThat(f.indexes()).isNotEmpty().first().isEqualTo(next);
            for (int i = 0; i < f.indexes().size(); i++) {
                assertThat(f.indexes().get(i)).isEqualTo(next + i);
            }
            next += f.indexes().size();
            lastEnd = f.end();
        }
        assertThat(next).isLessThanOrEqualTo(EVENTS);
    }

    @Test
    void slidingProcessingTimeWindowsOverlapSoEachElementIsInAtMostSizeOverSlideWindows() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Fired> fired = Jobs.collect(slowSequence(env).keyBy(i -> 0)
                .window(SlidingProcessingTimeWindows.of(Duration.ofMillis(2 * WINDOW), Duration.ofMillis(WINDOW)))
                .process(new Collect<TimeWindow>()));
        assertThat(fired).hasSizeGreaterThan(1);
        long[] seen = new long[(int) EVENTS];
        for (Fired f : fired) {
            assertThat(f.end() - f.start()).isEqualTo(2 * WINDOW);
            assertThat(Math.floorMod(f.start(), WINDOW)).isZero();
            for (int i = 1; i < f.indexes().size(); i++) {
                assertThat(f.indexes().get(i)).isEqualTo(f.indexes().get(i - 1) + 1);
            }
            f.indexes().forEach(i -> seen[i.intValue()]++);
        }
        for (long count : seen) {
            assertThat(count).isBetween(0L, 2L);
        }
    }

    @Test
    void continuousProcessingTimeTriggerFiresTheGlobalWindowAgainAndAgainWithAGrowingPrefix() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Fired> fired = Jobs.collect(slowSequence(env).keyBy(i -> 0)
                .window(GlobalWindows.create())
                .trigger(ContinuousProcessingTimeTrigger.of(Duration.ofMillis(WINDOW)))
                .process(new Collect<GlobalWindow>()));
        assertThat(fired).hasSizeGreaterThan(1);
        int previous = 0;
        for (Fired f : fired) {
            assertThat(f.indexes().size()).isGreaterThanOrEqualTo(previous);
            for (int i = 0; i < f.indexes().size(); i++) {
                assertThat(f.indexes().get(i)).isEqualTo((long) i);
            }
            previous = f.indexes().size();
        }
    }
}
