package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code min}/{@code max} on overlapping sliding windows: every window reports its own extreme value and the other
 * fields of its first element. Flink 1.20 differs here (README, "Known differences"): its heap state shares the
 * first element between windows and writes the aggregated field into it, so one window shows another's minimum.
 */
@Timeout(60)
class SlidingFieldAggregationTest {

    static final class Stamp extends ProcessFunction<Tuple2<Integer, Long>, String> {
        @Override
        public void processElement(Tuple2<Integer, Long> value, Context ctx, Collector<String> out) {
            out.collect(value.f0 + "," + value.f1 + "@" + ctx.timestamp());
        }
    }

    private static List<String> run(boolean max) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        var windowed = Ev.source(env, Ev.of("a", 0, 5), new Ev("a", 600, 1, 2_000))
                .map(e -> Tuple2.of(e.value(), e.ts())).returns(new dev.weir.api.common.typeinfo.TypeHint<Tuple2<Integer, Long>>() {
                })
                .keyBy(t -> "a")
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(1_000), Duration.ofMillis(500)));
        return Jobs.collect((max ? windowed.max(0) : windowed.min(0)).process(new Stamp()));
    }

    @Test
    void slidingMinGivesEachWindowTheSmallestValueOfItsOwnElements() throws Exception {
        assertThat(run(false)).containsExactly("5,0@499", "1,0@999", "1,600@1499");
    }

    @Test
    void slidingMaxGivesEachWindowTheLargestValueOfItsOwnElements() throws Exception {
        assertThat(run(true)).containsExactly("5,0@499", "5,0@999", "1,600@1499");
    }
}
