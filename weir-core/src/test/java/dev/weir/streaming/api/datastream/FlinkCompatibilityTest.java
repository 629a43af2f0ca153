package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.util.Collector;
import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.common.typeinfo.TypeHint;
import dev.weir.api.common.typeinfo.Types;
import dev.weir.streaming.api.windowing.time.Time;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Flink code that gives type hints, explicit-type output tags and the 1.x names compiles and runs unchanged. */
@Timeout(60)
class FlinkCompatibilityTest {

    @Test
    void typeHintsAreAcceptedAndChangeNothing() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Tuple2<String, Integer>> pairs = env.fromElements("a", "bb")
                .map(s -> Tuple2.of(s, s.length())).returns(Types.TUPLE(Types.STRING, Types.INT))
                .map(t -> t).returns(new TypeHint<Tuple2<String, Integer>>() {
                })
                .flatMap((FlatMapFunction<Tuple2<String, Integer>, Tuple2<String, Integer>>) (t, out) -> out.collect(t))
                .returns(Types.TUPLE(Types.STRING, Types.INT))
                .slotSharingGroup("any")
                .setDescription("described");
        assertThat(Jobs.collect(pairs)).containsExactly(Tuple2.of("a", 1), Tuple2.of("bb", 2));
    }

    @Test
    void anExplicitTypeOutputTagSelectsTheSameSideOutputAsAnAnonymousOne() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        OutputTag<String> anonymous = new OutputTag<String>("words") {
        };
        OutputTag<String> explicit = new OutputTag<>("words", Types.STRING);
        SingleOutputStreamOperator<Integer> lengths = env.fromData("x", "yy").process(new ProcessFunction<String, Integer>() {
            @Override
            public void processElement(String value, Context ctx, Collector<Integer> out) {
                ctx.output(anonymous, value);
                out.collect(value.length());
            }
        });
        assertThat(explicit).isEqualTo(anonymous);
        assertThat(Jobs.collect(lengths.getSideOutput(explicit))).containsExactly("x", "yy");
    }

    @Test
    void aSideOutputNobodyReadsIsDroppedAsInFlink() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        OutputTag<String> unread = new OutputTag<>("unread", Types.STRING);
        DataStream<Integer> lengths = env.fromData("x", "yy").process(new ProcessFunction<String, Integer>() {
            @Override
            public void processElement(String value, Context ctx, Collector<Integer> out) {
                ctx.output(unread, value);
                out.collect(value.length());
            }
        }).map(n -> n * 10);
        assertThat(Jobs.collect(lengths)).containsExactly(10, 20);
    }

    @Test
    void theTimeHelperOfTutorialCodeIsMilliseconds() {
        assertThat(Time.seconds(5).toMilliseconds()).isEqualTo(5_000);
        assertThat(Time.minutes(1).toDuration()).isEqualTo(java.time.Duration.ofMinutes(1));
    }

    @Test
    void aFunctionEmittingNullFailsNamingTheOperator() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("a").flatMap((FlatMapFunction<String, String>) (s, out) -> out.collect(null)).name("nulls")
                .sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThatThrownBy(env::execute).hasMessageContaining("FlatMap 'nulls' (1/1) emitted null")
                .hasMessageContaining("records must not be null");
    }

    @Test
    void fromDataRefusesANullElementNamingItsIndex() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        assertThatThrownBy(() -> env.fromData(List.of("a", "b").get(0), null)).hasMessageContaining("index 1");
    }
}
