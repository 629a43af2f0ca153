package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.co.ProcessJoinFunction;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JoinsTest {

    private static DataStream<Ev> left(StreamExecutionEnvironment env) {
        return Ev.source(env, Ev.of("a", 1, 10), Ev.of("a", 4, 11), Ev.of("b", 2, 12), Ev.of("a", 12, 13), Ev.of("c", 3, 14));
    }

    private static DataStream<Ev> right(StreamExecutionEnvironment env) {
        return Ev.source(env, Ev.of("a", 2, 20), Ev.of("b", 11, 21), Ev.of("a", 13, 22), Ev.of("a", 5, 23));
    }

    @Test
    void windowJoinPairsEveryElementWithEveryOtherOfTheSameKeyAndWindow() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> out = Jobs.collectSorted(left(env).join(right(env)).where(Ev::key).equalTo(Ev::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply((Ev l, Ev r) -> l.key() + ":" + l.value() + "-" + r.value()));
        assertThat(out).containsExactly("a:10-20", "a:10-23", "a:11-20", "a:11-23", "a:13-22");
    }

    @Test
    void flatJoinMayEmitAnyNumberOfResultsPerPair() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collectSorted(left(env).join(right(env)).where(Ev::key).equalTo(Ev::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply((Ev l, Ev r, Collector<String> c) -> {
                    if (r.value() == 20) {
                        c.collect(l.value() + "x" + r.value());
                        c.collect(l.value() + "y" + r.value());
                    }
                }));
        assertThat(out).containsExactly("10x20", "10y20", "11x20", "11y20");
    }

    @Test
    void coGroupSeesBothSidesOfEachKeyAndWindowEvenWhenOneIsEmpty() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> out = Jobs.collectSorted(left(env).coGroup(right(env)).where(Ev::key).equalTo(Ev::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply((Iterable<Ev> ls, Iterable<Ev> rs, Collector<String> c) -> {
                    List<Integer> l = new ArrayList<>();
                    List<Integer> r = new ArrayList<>();
                    String key = null;
                    for (Ev e : ls) {
                        l.add(e.value());
                        key = e.key();
                    }
                    for (Ev e : rs) {
                        r.add(e.value());
                        key = e.key();
                    }
                    l.sort(null);
                    r.sort(null);
                    c.collect(key + l + r);
                }));
        assertThat(out).containsExactly("a[10, 11][20, 23]", "a[13][22]", "b[12][]", "b[][21]", "c[14][]");
    }

    /** Emits "left-right@ctx timestamp". */
    static final class Pair extends ProcessJoinFunction<Ev, Ev, String> {
        @Override
        public void processElement(Ev left, Ev right, Context ctx, Collector<String> out) {
            out.collect(left.value() + "-" + right.value() + "@" + ctx.getTimestamp() + "/" + ctx.getLeftTimestamp() + "," + ctx.getRightTimestamp());
        }
    }

    @Test
    void intervalJoinMatchesRightElementsWithinTheBoundsAndStampsTheLaterTimestamp() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> out = Jobs.collectSorted(left(env).keyBy(Ev::key).intervalJoin(right(env).keyBy(Ev::key))
                .between(Duration.ofMillis(-1), Duration.ofMillis(1))
                .process(new Pair()));
        assertThat(out).containsExactly("10-20@2/1,2", "11-23@5/4,5", "13-22@13/12,13");
    }

    @Test
    void exclusiveBoundsLeaveOutPairsExactlyOnTheBound() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collectSorted(left(env).keyBy(Ev::key).intervalJoin(right(env).keyBy(Ev::key))
                .between(Duration.ofMillis(0), Duration.ofMillis(1))
                .lowerBoundExclusive()
                .process(new Pair()));
        assertThat(out).containsExactly("10-20@2/1,2", "11-23@5/4,5", "13-22@13/12,13");
        List<String> upperExclusive = Jobs.collectSorted(left(env).keyBy(Ev::key).intervalJoin(right(env).keyBy(Ev::key))
                .between(Duration.ofMillis(0), Duration.ofMillis(1))
                .upperBoundExclusive()
                .process(new Pair()));
        assertThat(upperExclusive).isEmpty();
    }

    @Test
    void anIntervalJoinWithoutAnIntervalIsRefusedWhenBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        KeyedStream.IntervalJoined<Ev, Ev, String> joined = left(env).keyBy(Ev::key).intervalJoin(right(env).keyBy(Ev::key))
                .between(Duration.ofMillis(1), Duration.ofMillis(1)).lowerBoundExclusive();
        assertThatThrownBy(() -> joined.process(new Pair())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lowerBound <= upperBound");
    }
}
