package dev.weir.bench.weir;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.connector.datagen.source.GeneratorFunction;
import dev.weir.util.Collector;
import dev.weir.api.common.functions.FilterFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.bench.Event;
import dev.weir.bench.EventShape;
import dev.weir.bench.KeyedSum;
import dev.weir.bench.Span;
import java.time.Duration;

/**
 * Weir's side of the workloads that need no windows. {@code flink/FlinkJobs.java} is the same code with Flink's
 * imports (plus the {@code TypeInformation} Flink's generator source demands); keep the two in step.
 */
public final class WeirJobs {
    private WeirJobs() {
    }

    /** The shared generator: bounded out-of-orderness 100 ms watermarks on the event's timestamp. */
    public static DataStream<Event> events(StreamExecutionEnvironment env, EventShape shape) {
        return events(env, shape, RateLimiterStrategy.noOp());
    }

    /** The shared generator at the pace {@code rate} lets it go. */
    public static DataStream<Event> events(StreamExecutionEnvironment env, EventShape shape, RateLimiterStrategy rate) {
        DataGeneratorSource<Event> source = new DataGeneratorSource<>(new EventGenerator(shape), shape.events(), rate);
        WatermarkStrategy<Event> watermarks = WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(100))
                .withTimestampAssigner((event, previous) -> event.timestamp);
        return env.fromSource(source, watermarks, "events");
    }

    /** Workload 1: map + filter. */
    public static DataStream<Event> stateless(DataStream<Event> events) {
        return events.map(new Scramble()).filter(new DropThirds());
    }

    /** Workload 6: a keyed process function with value state and one event-time timer per key. */
    public static DataStream<KeyedSum> keyedProcess(DataStream<Event> events) {
        return events.keyBy(new ByKey()).process(new SumUntilTimer());
    }

    /** Workload 11a: per event, read the key's running count and sum from value state, add, write back, emit. */
    public static DataStream<KeyedSum> valueStateCount(DataStream<Event> events) {
        return events.keyBy(new ByKey()).map(new CountInValueState());
    }

    /** Read-modify-write of one value per key: the access pattern that makes a state backend's speed show. */
    static final class CountInValueState extends RichMapFunction<Event, KeyedSum> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<KeyedSum> total;

        @Override
        public void open(OpenContext openContext) {
            total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", KeyedSum.class));
        }

        @Override
        public KeyedSum map(Event event) throws Exception {
            KeyedSum sum = total.value();
            if (sum == null) {
                sum = new KeyedSum(event.key, 0, 0);
            }
            sum.sum += event.value;
            sum.count++;
            total.update(sum);
            // Not the state object (on the heap it would change under the consumer with the key's next event), and
            // not the running sum: a key's events come from both source subtasks in an order neither engine fixes, so
            // the output is the key's running count (1, 2, ... n for a key, in any order), which a lost update changes.
            return new KeyedSum(sum.key, sum.count, sum.count);
        }
    }

    /** Turns source indexes into events and tells the {@link Span} when each subtask opens. */
    static final class EventGenerator implements GeneratorFunction<Long, Event> {
        private static final long serialVersionUID = 1L;
        private final EventShape shape;

        EventGenerator(EventShape shape) {
            this.shape = shape;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            Span.sourceOpened();
        }

        @Override
        public Event map(Long index) {
            return shape.event(index);
        }
    }

    static final class Scramble implements MapFunction<Event, Event> {
        private static final long serialVersionUID = 1L;

        @Override
        public Event map(Event event) {
            event.value = (event.value * 31 + (int) event.key) & 0xffff;
            return event;
        }
    }

    static final class DropThirds implements FilterFunction<Event> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(Event event) {
            return event.value % 3 != 0;
        }
    }

    static final class ByKey implements KeySelector<Event, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Event event) {
            return event.key;
        }
    }

    /** Sums a key's values from its first event until an event-time timer one second later emits and clears them. */
    static final class SumUntilTimer extends KeyedProcessFunction<Long, Event, KeyedSum> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<KeyedSum> pending;

        @Override
        public void open(OpenContext openContext) {
            pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending", KeyedSum.class));
        }

        @Override
        public void processElement(Event event, Context ctx, Collector<KeyedSum> out) throws Exception {
            KeyedSum sum = pending.value();
            if (sum == null) {
                sum = new KeyedSum(event.key, 0, 0);
                ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 1000);
            }
            sum.sum += event.value;
            sum.count++;
            pending.update(sum);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<KeyedSum> out) throws Exception {
            out.collect(pending.value());
            pending.clear();
        }
    }
}
