package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.util.CloseableIterator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.functions.co.CoMapFunction;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ProcessFunctionsAndTimersTest {

    private static WatermarkStrategy<Tuple2<String, Long>> byField1() {
        return WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps().withTimestampAssigner((t, ts) -> t.f1);
    }

    @Test
    void sideOutputsCarryWhatTheProcessFunctionSendsThere() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        OutputTag<String> odd = new OutputTag<>("odd") {
        };
        SingleOutputStreamOperator<Long> evens = env.fromSequence(1, 6).process(new ProcessFunction<Long, Long>() {
            @Override
            public void processElement(Long value, Context ctx, Collector<Long> out) {
                if (value % 2 == 0) {
                    out.collect(value);
                } else {
                    ctx.output(odd, "odd:" + value);
                }
            }
        });
        DataStream<String> all = evens.map(x -> "even:" + x).union(evens.getSideOutput(odd));
        assertThat(Jobs.collectSorted(all)).containsExactly("even:2", "even:4", "even:6", "odd:1", "odd:3", "odd:5");
    }

    @Test
    void eventTimeTimersFireOncePerKeyAndTimestampInTimestampOrderAtTheEndOfInput() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(env
                .fromData(Tuple2.of("a", 30L), Tuple2.of("b", 10L), Tuple2.of("a", 20L), Tuple2.of("a", 30L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(Duration.ofSeconds(10))
                        .withTimestampAssigner((t, ts) -> t.f1))
                .keyBy(t -> t.f0)
                .process(new KeyedProcessFunction<String, Tuple2<String, Long>, String>() {
                    @Override
                    public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) {
                        ctx.timerService().registerEventTimeTimer(value.f1 + 100);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
                        out.collect(ctx.getCurrentKey() + "@" + timestamp + ":" + ctx.timeDomain());
                    }
                }));
        assertThat(out).containsExactly("b@110:EVENT_TIME", "a@120:EVENT_TIME", "a@130:EVENT_TIME");
    }

    @Test
    void keyedStateIsScopedToTheCurrentKey() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> out = Jobs.collect(env
                .fromData("x", "y", "x", "x", "y")
                .keyBy(s -> s)
                .process(new KeyedProcessFunction<String, String, String>() {
                    private ValueState<Integer> count;

                    @Override
                    public void open(OpenContext openContext) {
                        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
                    }

                    @Override
                    public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
                        int n = count.value() == null ? 1 : count.value() + 1;
                        count.update(n);
                        out.collect(value + n);
                    }
                }));
        assertThat(out.stream().filter(s -> s.startsWith("x"))).containsExactly("x1", "x2", "x3");
        assertThat(out.stream().filter(s -> s.startsWith("y"))).containsExactly("y1", "y2");
    }

    @Test
    void keyedMapOnAKeyedStreamMayUseKeyedState() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> out = Jobs.collectSorted(env.fromData("p", "q", "p").keyBy(s -> s)
                .map(new dev.weir.api.common.functions.RichMapFunction<String, String>() {
                    private ValueState<String> last;

                    @Override
                    public void open(OpenContext openContext) {
                        last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", String.class));
                    }

                    @Override
                    public String map(String value) throws Exception {
                        String previous = last.value();
                        last.update(value);
                        return value + "<" + previous;
                    }
                }));
        assertThat(out).containsExactly("p<null", "p<p", "q<null");
    }

    @Test
    void connectedStreamsMapBothInputs() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<String> out = env.fromData(1, 2).connect(env.fromData("a", "b"))
                .map(new CoMapFunction<Integer, String, String>() {
                    @Override
                    public String map1(Integer value) {
                        return "int " + value;
                    }

                    @Override
                    public String map2(String value) {
                        return "str " + value;
                    }
                });
        assertThat(Jobs.collectSorted(out)).containsExactly("int 1", "int 2", "str a", "str b");
    }

    @Test
    void keyedConnectedStreamsShareStateForEqualKeys() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Tuple2<String, Long>> prices = env.fromData(Tuple2.of("apple", 3L), Tuple2.of("pear", 5L))
                .assignTimestampsAndWatermarks(byField1());
        DataStream<Tuple2<String, Long>> orders = env.fromData(Tuple2.of("apple", 10L), Tuple2.of("pear", 20L), Tuple2.of("apple", 30L))
                .assignTimestampsAndWatermarks(byField1());
        DataStream<String> totals = prices.connect(orders).keyBy(p -> p.f0, o -> o.f0)
                .process(new KeyedCoProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>, String>() {
                    private ValueState<Long> price;
                    private ValueState<Long> quantity;

                    @Override
                    public void open(OpenContext openContext) {
                        price = getRuntimeContext().getState(new ValueStateDescriptor<>("price", Long.class));
                        quantity = getRuntimeContext().getState(new ValueStateDescriptor<>("quantity", Long.class));
                    }

                    @Override
                    public void processElement1(Tuple2<String, Long> p, Context ctx, Collector<String> out) throws Exception {
                        price.update(p.f1);
                        ctx.timerService().registerEventTimeTimer(1_000);
                    }

                    @Override
                    public void processElement2(Tuple2<String, Long> o, Context ctx, Collector<String> out) throws Exception {
                        quantity.update((quantity.value() == null ? 0 : quantity.value()) + o.f1);
                        ctx.timerService().registerEventTimeTimer(1_000);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
                        out.collect(ctx.getCurrentKey() + "=" + price.value() * quantity.value());
                    }
                });
        assertThat(Jobs.collectSorted(totals)).containsExactly("apple=120", "pear=100");
    }

    @Test
    void aQuietInputMarkedIdleDoesNotHoldBackTheWatermark() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(10);
        DataStream<Tuple2<String, Long>> finite = env.fromData(Tuple2.of("k", 5L)).assignTimestampsAndWatermarks(byField1());
        DataStream<Tuple2<String, Long>> quiet = env.fromSource(new QuietSource(), WatermarkStrategy
                .<Tuple2<String, Long>>forMonotonousTimestamps().withTimestampAssigner((t, ts) -> t.f1).withIdleness(Duration.ofMillis(50)), "quiet");
        DataStream<String> fired = finite.union(quiet).keyBy(t -> t.f0).process(new TimerPerElement());
        assertThat(fired.executeAndCollect(1)).containsExactly("k@6");
    }

    @Test
    void aQuietInputThatIsNotMarkedIdleHoldsBackTheWatermark() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(10);
        DataStream<Tuple2<String, Long>> finite = env.fromData(Tuple2.of("k", 5L)).assignTimestampsAndWatermarks(byField1());
        DataStream<Tuple2<String, Long>> quiet = env.fromSource(new QuietSource(), WatermarkStrategy
                .<Tuple2<String, Long>>forMonotonousTimestamps().withTimestampAssigner((t, ts) -> t.f1), "quiet");
        DataStream<String> fired = finite.union(quiet).keyBy(t -> t.f0).process(new TimerPerElement());
        try (CloseableIterator<String> it = fired.executeAndCollect()) {
            java.util.concurrent.CompletableFuture<Boolean> any = java.util.concurrent.CompletableFuture.supplyAsync(it::hasNext);
            Thread.sleep(300);
            assertThat(any).isNotDone();
        }
    }

    /** Registers an event-time timer one millisecond after each element and reports it when it fires. */
    static final class TimerPerElement extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        @Override
        public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(value.f1 + 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp);
        }
    }

    /** An unbounded source that never emits: its reader always has nothing available. */
    static final class QuietSource implements dev.weir.api.connector.source.Source<Tuple2<String, Long>> {
        @Override
        public dev.weir.api.connector.source.Boundedness getBoundedness() {
            return dev.weir.api.connector.source.Boundedness.CONTINUOUS_UNBOUNDED;
        }

        @Override
        public dev.weir.api.connector.source.SourceReader<Tuple2<String, Long>> createReader(dev.weir.api.connector.source.SourceReaderContext ctx) {
            return output -> dev.weir.core.io.InputStatus.NOTHING_AVAILABLE;
        }
    }
}
