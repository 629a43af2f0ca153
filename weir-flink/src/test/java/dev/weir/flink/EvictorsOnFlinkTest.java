package dev.weir.flink;

import static dev.weir.flink.SameOutputOnWeirAndFlinkTest.events;
import static dev.weir.flink.SameOutputOnWeirAndFlinkTest.runOnBoth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.evictors.DeltaEvictor;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.evictors.TimeEvictor;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.streaming.runtime.operators.windowing.TimestampedValue;
import dev.weir.util.Collector;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Weir's evictors run as Flink evictors (Flink's evicting window operator) and evict the same elements as on Weir,
 * at parallelism 2 and 4: the built-in count, time and delta evictors and a user's own, with a process window
 * function and with a reduce.
 */
@Timeout(180)
class EvictorsOnFlinkTest {

    @Test
    void aSlidingCountWindowKeepsTheLastThreeElementsAndFiresEverySecondOne() throws Exception {
        List<String> flink = runOnBoth("count-evictor", (env, run) -> events(env)
                .keyBy(t -> t.f0)
                .countWindow(3, 2)
                .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1))
                .addSink(new SharedSink<>(run)));
        // a arrives 1, 7, 5, 14, 31, 3, 60: fires after 7 (1+7), 14 (7+5+14) and 3 (14+31+3); b: 2, 12, 19, 33; c: 15, 58.
        assertThat(flink).containsExactly("(a,26)@9223372036854775807", "(a,48)@9223372036854775807", "(a,8)@9223372036854775807",
                "(b,14)@9223372036854775807", "(b,64)@9223372036854775807", "(c,73)@9223372036854775807");
    }

    @Test
    void aTimeEvictorKeepsOnlyTheElementsWithinFiveMillisecondsOfTheNewest() throws Exception {
        List<String> flink = runOnBoth("time-evictor", (env, run) -> events(env)
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(20)))
                .evictor(TimeEvictor.of(Duration.ofMillis(5)))
                .process(new ListElements())
                .addSink(new SharedSink<>(run)));
        // a [0,20) holds 1, 7, 5, 14: only 14 is within 5 ms of 14 (9 < t); b [0,20) holds 2, 12, 19: 19 stays.
        assertThat(flink).containsExactly("a [0,20) 14@19", "a [20,40) 31@39", "a [60,80) 60@79", "b [0,20) 19@19",
                "b [20,40) 33@39", "c [0,20) 15@19", "c [40,60) 58@59");
    }

    @Test
    void aDeltaEvictorRemovesTheElementsTooFarFromTheLastOne() throws Exception {
        List<String> flink = runOnBoth("delta-evictor", (env, run) -> events(env)
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(40)))
                .evictor(DeltaEvictor.<Tuple2<String, Long>, TimeWindow>of(10, (x, y) -> Math.abs(x.f1 - y.f1)))
                .process(new ListElements())
                .addSink(new SharedSink<>(run)));
        // a [0,40) holds 1, 7, 5, 14, 31 and the late 3 (the watermark was 27): 14 and 31 are 10 or more from 3.
        assertThat(flink).containsExactly("a [0,40) 1,7,5,3@39", "a [40,80) 60@79", "b [0,40) 33@39", "c [0,40) 15@39",
                "c [40,80) 58@79");
    }

    @Test
    void aUsersEvictorRemovesOddTimestampsBeforeAReduce() throws Exception {
        List<String> flink = runOnBoth("custom-evictor", (env, run) -> events(env)
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(20)))
                .evictor(new OddTimestampEvictor())
                .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1))
                .addSink(new SharedSink<>(run)));
        // a [0,20): 1, 7, 5 evicted, 14 kept; b [0,20): 2 + 12; c [0,20): 15 evicted. Windows left empty (a [20,40),
        // b [20,40), c [0,20)) emit nothing, as on Weir (Flink's own evicting reduce would emit null for them).
        assertThat(flink).containsExactly("(a,14)@19", "(a,60)@79", "(b,14)@19", "(c,58)@59");
    }

    /** Lists a window's elements' event times in the order the window function sees them. */
    static final class ListElements extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            StringJoiner times = new StringJoiner(",");
            for (Tuple2<String, Long> element : elements) {
                times.add(Long.toString(element.f1));
            }
            out.collect(key + " [" + context.window().getStart() + "," + context.window().getEnd() + ") " + times);
        }
    }

    /** A user's evictor: removes the elements with odd timestamps before the window function runs. */
    static final class OddTimestampEvictor implements Evictor<Tuple2<String, Long>, TimeWindow> {
        @Override
        public void evictBefore(Iterable<TimestampedValue<Tuple2<String, Long>>> elements, int size, TimeWindow window,
                EvictorContext evictorContext) {
            for (Iterator<TimestampedValue<Tuple2<String, Long>>> it = elements.iterator(); it.hasNext(); ) {
                if (it.next().getTimestamp() % 2 != 0) {
                    it.remove();
                }
            }
        }

        @Override
        public void evictAfter(Iterable<TimestampedValue<Tuple2<String, Long>>> elements, int size, TimeWindow window,
                EvictorContext evictorContext) {
        }
    }
}
