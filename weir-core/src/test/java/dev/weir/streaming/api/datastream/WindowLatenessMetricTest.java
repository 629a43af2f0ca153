package dev.weir.streaming.api.datastream;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code numLateRecordsDropped}: counted by both window operators (the generic one and the slicing fast path) and
 * reported in the finished job's accumulators under the metric's name.
 */
@Timeout(60)
class WindowLatenessMetricTest {
    private static final Ev[] INPUT = {
        Ev.of("a", 100), Ev.wm("a", 1_500, 1_200), Ev.of("a", 300), Ev.of("b", 999), Ev.of("a", 1_001), Ev.wm("b", 2_000, 2_100), Ev.of("a", 1_999)};

    static final class Discard<T> implements SinkFunction<T> {
        @Override
        public void invoke(T value, Context context) {
        }
    }

    @Test
    void theGenericOperatorCountsEachLateElementItDrops() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        Ev.source(env, INPUT).keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .process(new WindowsTest.Describe()).addSink(new Discard<>());
        JobExecutionResult result = env.execute();
        assertThat(result.<Long>getAccumulatorResult("numLateRecordsDropped")).isEqualTo(3L);
    }

    @Test
    void theSlicingOperatorCountsEachLateElementItDrops() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        Ev.source(env, INPUT).keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .aggregate(new WindowsTest.Count()).addSink(new Discard<>());
        JobExecutionResult result = env.execute();
        assertThat(result.<Long>getAccumulatorResult("numLateRecordsDropped")).isEqualTo(3L);
    }

    @Test
    void lateElementsSentToTheSideOutputAreNotCountedAsDropped() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        OutputTag<Ev> late = new OutputTag<Ev>("late") {
        };
        SingleOutputStreamOperator<String> windows = Ev.source(env, INPUT).keyBy(Ev::key)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).sideOutputLateData(late).process(new WindowsTest.Describe());
        windows.addSink(new Discard<>());
        windows.getSideOutput(late).addSink(new Discard<>());
        JobExecutionResult result = env.execute();
        assertThat(result.<Long>getAccumulatorResult("numLateRecordsDropped")).isZero();
    }

    @Test
    void allowedLatenessKeepsElementsUntilTheWindowIsCleanedAndCountsOnlyThoseAfter() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        Ev.source(env, INPUT).keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .allowedLateness(Duration.ofMillis(200)).process(new WindowsTest.Describe()).addSink(new Discard<>());
        JobExecutionResult result = env.execute();
        // [0,1000) is cleaned at 1199, so after the watermark 1200 a@300 and b@999 are dropped; [1000,2000) is cleaned
        // at 2199, so after the watermark 2100 it still takes a@1999.
        assertThat(result.<Long>getAccumulatorResult("numLateRecordsDropped")).isEqualTo(2L);
    }
}
