package dev.weir.streaming.api.windowing.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.windowing.delta.DeltaFunction;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Flink's {@code DeltaTrigger}: fires when the delta to the element that fired last is above the threshold. */
@Timeout(60)
class DeltaTriggerTest {

    @Test
    void firesWhenTheDeltaToTheLastFiringElementExceedsTheThresholdAndKeepsTheWindow() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Tuple2<String, Integer>> readings = env.fromData(
                Tuple2.of("car", 0), Tuple2.of("car", 5), Tuple2.of("car", 11), Tuple2.of("car", 15),
                Tuple2.of("car", 22), Tuple2.of("car", 32), Tuple2.of("car", 40));
        DeltaFunction<Tuple2<String, Integer>> distance = (older, newer) -> newer.f1 - older.f1;
        // 0 is the reference; 11 (11 > 10) fires; 22 (11 from 11) fires; 32 (exactly 10 from 22) does not; 40 (18) fires.
        List<Integer> sums = collect(readings.keyBy(t -> t.f0)
                .window(GlobalWindows.create())
                .trigger(DeltaTrigger.of(10, distance, readings.getType().createSerializer(env.getConfig())))
                .sum(1)
                .map(t -> t.f1));
        assertThat(sums).containsExactly(16, 53, 125);
    }

    @Test
    void wrappedInAPurgingTriggerAFiringEmptiesTheWindowButKeepsTheReferenceElement() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Integer> values = env.fromData(0, 5, 11, 15, 22, 32, 40);
        List<Integer> sums = collect(values.keyBy(v -> "all")
                .window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(DeltaTrigger.of(10, (Integer older, Integer newer) -> newer - older, null)))
                .reduce(Integer::sum));
        // As in Flink, a purge clears the window's contents, not the trigger's state: 11 stays the reference, so
        // 22 fires [15, 22] and 40 (18 from 22) fires [32, 40].
        assertThat(sums).containsExactly(16, 37, 72);
    }

    private static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
