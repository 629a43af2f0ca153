package dev.weir.streaming.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.typeinfo.BasicTypeInfo;
import dev.weir.api.common.typeinfo.TypeHint;
import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.common.typeinfo.Types;
import dev.weir.api.connector.source.lib.NumberSequenceSource;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.java.typeutils.ResultTypeQueryable;
import dev.weir.api.java.typeutils.GenericTypeInfo;
import dev.weir.api.java.typeutils.ListTypeInfo;
import dev.weir.api.java.typeutils.MapTypeInfo;
import dev.weir.api.java.typeutils.TupleTypeInfo;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.streaming.api.functions.source.SourceFunction;
import dev.weir.util.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Flink's type hints are accepted everywhere Flink takes them, change nothing in what a job computes, and feed getType(). */
@Timeout(60)
class TypeHintsTest {

    @Test
    void aJobWithTypeHintsOnEveryStepGivesTheSameOutputAsWithout() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<String> lines = env.fromData(Types.STRING, "to be", "or not");
        List<String> out = Jobs.collect(lines
                .flatMap((String line, Collector<String> words) -> {
                    for (String w : line.split(" ")) {
                        words.collect(w);
                    }
                }, Types.STRING)
                .map(w -> Tuple2.of(w, w.length()), Types.TUPLE(Types.STRING, Types.INT))
                .process(new ProcessFunction<Tuple2<String, Integer>, String>() {
                    @Override
                    public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<String> o) {
                        o.collect(value.f0 + "=" + value.f1);
                    }
                }, BasicTypeInfo.STRING_TYPE_INFO));
        assertThat(out).containsExactly("to=2", "be=2", "or=2", "not=3");
    }

    @Test
    void getTypeReportsWhatHintsAndResultTypeQueryableFunctionsDeclare() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<String> words = env.fromData("a", "b");
        assertThat(words.getType()).as("the class of fromData's elements").isSameAs(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(words.map(w -> w.length()).getType().toString()).as("a lambda without a hint")
                .isEqualTo("GenericType<java.lang.Object>");
        assertThat(words.map(w -> w.length(), Types.INT).getType()).isSameAs(Types.INT);
        assertThat(words.map(w -> Tuple2.of(w, 1)).returns(new TypeHint<Tuple2<String, Integer>>() {
        }).getType()).isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
        assertThat(words.map(w -> w.length()).returns(Integer.class).getType()).isSameAs(Types.INT);
        assertThat(words.map(new LengthAsLong()).getType()).as("ResultTypeQueryable").isSameAs(Types.LONG);
        assertThat(words.keyBy(w -> w).getType()).as("keyBy keeps the type").isSameAs(Types.STRING);
        assertThat(words.filter(w -> true).rebalance().getType()).isSameAs(Types.STRING);
        assertThat(words.keyBy(w -> w).window(dev.weir.streaming.api.windowing.assigners.GlobalWindows.create())
                .reduce((a, b) -> a + b).getType()).as("a window reduce keeps the type").isSameAs(Types.STRING);
        assertThat(words.countWindowAll(2).reduce((a, b) -> a + b).getType()).isSameAs(Types.STRING);
        assertThat(env.fromCollection(List.of(1, 2), Types.INT).getType()).isSameAs(Types.INT);
        assertThat(env.fromSource(new NumberSequenceSource(1, 3), WatermarkStrategy.noWatermarks(), "numbers", Types.LONG).getType())
                .isSameAs(Types.LONG);
        assertThat(env.addSource(new Nothing(), "nothing", Types.STRING).getType()).isSameAs(Types.STRING);
    }

    @Test
    void windowsConnectedStreamsAndJoinsTakeTypeHintsToo() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Integer> numbers = env.fromData(1, 2, 3, 4);
        SingleOutputStreamOperator<String> windowed = numbers.keyBy(i -> i % 2)
                .window(dev.weir.streaming.api.windowing.assigners.GlobalWindows.create())
                .trigger(dev.weir.streaming.api.windowing.triggers.CountTrigger.of(2))
                .apply((Integer key, dev.weir.streaming.api.windowing.windows.GlobalWindow w, Iterable<Integer> in, Collector<String> o) -> {
                    int sum = 0;
                    for (int i : in) {
                        sum += i;
                    }
                    o.collect(key + ":" + sum);
                }, Types.STRING);
        assertThat(windowed.getType()).isSameAs(Types.STRING);
        assertThat(Jobs.collectSorted(windowed)).containsExactly("0:6", "1:4");

        SingleOutputStreamOperator<String> connected = numbers.connect(env.fromData("x"))
                .map(new dev.weir.streaming.api.functions.co.CoMapFunction<Integer, String, String>() {
                    @Override
                    public String map1(Integer value) {
                        return "n" + value;
                    }

                    @Override
                    public String map2(String value) {
                        return "s" + value;
                    }
                }, Types.STRING);
        assertThat(connected.getType()).isSameAs(Types.STRING);
        assertThat(Jobs.collectSorted(connected)).containsExactly("n1", "n2", "n3", "n4", "sx");
    }

    @Test
    void basicTypeInfoConstantsAreTheTypesConstants() {
        assertThat(Types.STRING).isSameAs(BasicTypeInfo.STRING_TYPE_INFO);
        assertThat(Types.LONG).isSameAs(BasicTypeInfo.LONG_TYPE_INFO);
        assertThat(TypeInformation.of(Integer.class)).isSameAs(BasicTypeInfo.INT_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(int.class)).isSameAs(BasicTypeInfo.INT_TYPE_INFO);
        assertThat(BasicTypeInfo.getInfoFor(Object.class)).isNull();
        assertThat(BasicTypeInfo.DOUBLE_TYPE_INFO.toString()).isEqualTo("Double");
        assertThat(BasicTypeInfo.STRING_TYPE_INFO.isBasicType()).isTrue();
        assertThat(Types.TUPLE(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.INT_TYPE_INFO).toString())
                .isEqualTo("Java Tuple2<String, Integer>");
    }

    @Test
    void aTupleTypeInfoAJobConstructsIsTheTypeOfTypesTupleAndChecksKeyPositions() {
        TupleTypeInfo<Tuple2<String, Integer>> info = new TupleTypeInfo<>(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.INT_TYPE_INFO);
        assertThat(info).isEqualTo(Types.TUPLE(Types.STRING, Types.INT)).hasSameHashCodeAs(Types.TUPLE(Types.STRING, Types.INT));
        assertThat(info).isEqualTo(TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {
        }));
        assertThat(info.getTypeAt(1)).isSameAs(Types.INT);
        assertThat(info.getTypeClass()).isEqualTo(Tuple2.class);
        assertThat(info.toString()).isEqualTo("Java Tuple2<String, Integer>");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Tuple2<String, Integer>> pairs = env.fromData(info, Tuple2.of("a", 1));
        assertThat(pairs.getType()).isSameAs(info);
        assertThatThrownBy(() -> pairs.keyBy(3)).hasMessageStartingWith("keyBy(3) on dev.weir.api.java.tuple.Tuple2: no field at position 3; "
                + "the fields are [f0: String, f1: Integer]");
    }

    @Test
    void flinksTypeInfoClassesThatJobsConstructAreWhatTypesAndExtractionGive() throws Exception {
        assertThat(new ListTypeInfo<>(String.class)).isEqualTo(Types.LIST(Types.STRING))
                .isEqualTo(TypeInformation.of(new TypeHint<List<String>>() {
                }));
        assertThat(new MapTypeInfo<>(String.class, Integer.class)).isEqualTo(Types.MAP(Types.STRING, Types.INT))
                .hasToString("Map<String, Integer>");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        assertThat(env.fromData("a").map(w -> w.length()).getType()).isEqualTo(new GenericTypeInfo<>(Object.class));
        var rules = new dev.weir.api.common.state.MapStateDescriptor<String, List<String>>("rules", BasicTypeInfo.STRING_TYPE_INFO,
                new ListTypeInfo<>(String.class));
        assertThat(rules.getName()).isEqualTo("rules");

        int[] opens = {0};
        dev.weir.api.common.functions.RichMapFunction<String, String> manual = new dev.weir.api.common.functions.RichMapFunction<>() {
            @Override
            public void open(dev.weir.configuration.Configuration parameters) {
                opens[0]++;
            }

            @Override
            public String map(String value) {
                return value;
            }
        };
        manual.open(dev.weir.api.common.functions.DefaultOpenContext.INSTANCE);
        assertThat(opens[0]).as("DefaultOpenContext opens as the runtime does").isEqualTo(1);
    }

    @Test
    void aSerializerFromCreateSerializerIsAcceptedByStateDescriptorsAndWeirsOwnSerializationIsUsed() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Tuple2<String, Long>> pairs = env.fromData(Tuple2.of("a", 1L), Tuple2.of("b", 10L), Tuple2.of("a", 2L));
        List<String> sums = Jobs.collect(pairs.keyBy(t -> t.f0).process(new KeyedProcessFunction<String, Tuple2<String, Long>, String>() {
            private ValueState<Long> sum;

            @Override
            public void open(OpenContext openContext) {
                sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum",
                        Types.LONG.createSerializer(new dev.weir.api.common.ExecutionConfig())));
            }

            @Override
            public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) throws Exception {
                long now = (sum.value() == null ? 0 : sum.value()) + value.f1;
                sum.update(now);
                out.collect(value.f0 + "=" + now);
            }
        }));
        assertThat(sums).containsExactly("a=1", "b=10", "a=3");
        assertThat(Types.LONG.createSerializer(env.getConfig().getSerializerConfig()).toString()).isEqualTo("TypeSerializer of Long");
    }

    @Test
    void aDataGeneratorSourceTakesTheTypeOfWhatItProduces() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<String> generated = env.fromSource(new DataGeneratorSource<>(i -> "n" + i, 3, RateLimiterStrategy.noOp(), Types.STRING),
                WatermarkStrategy.noWatermarks(), "generated");
        assertThat(Jobs.collect(generated)).containsExactly("n0", "n1", "n2");
        DataStream<Long> doubled = env.fromSource(new DataGeneratorSource<>(i -> 2 * i, 2, Types.LONG),
                WatermarkStrategy.noWatermarks(), "doubled");
        assertThat(Jobs.collect(doubled)).containsExactly(0L, 2L);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void fromElementsWithAClassRefusesAnElementOfAnotherClassWhenTheJobIsBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        Object[] mixed = {"a", 1};
        assertThat(env.fromElements(Object.class, mixed).getType()).isEqualTo(TypeInformation.of(Object.class));
        assertThatThrownBy(() -> env.fromElements((Class) String.class, mixed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromElements: element 1 (1) is a java.lang.Integer, not a java.lang.String as the given type says");
    }

    /** Declares its type as Flink functions may. */
    static final class LengthAsLong implements MapFunction<String, Long>, ResultTypeQueryable<Long> {
        @Override
        public Long map(String value) {
            return (long) value.length();
        }

        @Override
        public TypeInformation<Long> getProducedType() {
            return Types.LONG;
        }
    }

    /** Emits nothing. */
    static final class Nothing implements SourceFunction<String> {
        @Override
        public void run(SourceContext<String> ctx) {
        }

        @Override
        public void cancel() {
        }
    }
}
