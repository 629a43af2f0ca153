package dev.weir.bench.flink;

import dev.weir.bench.Event;
import dev.weir.bench.EventShape;
import dev.weir.bench.KeyedSum;
import dev.weir.bench.Span;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Flink's side of the workloads that need no windows: {@code weir/WeirJobs.java} with Flink's imports, plus the
 * {@code TypeInformation} Flink's generator source demands. Keep the two in step.
 */
public final class FlinkJobs {
    private FlinkJobs() {
    }

    /** The shared generator: bounded out-of-orderness 100 ms watermarks on the event's timestamp. */
    public static DataStream<Event> events(StreamExecutionEnvironment env, EventShape shape) {
        return events(env, shape, RateLimiterStrategy.noOp());
    }

    /** The shared generator at the pace {@code rate} lets it go. */
    public static DataStream<Event> events(StreamExecutionEnvironment env, EventShape shape, RateLimiterStrategy rate) {
        DataGeneratorSource<Event> source = new DataGeneratorSource<>(new EventGenerator(shape), shape.events(), rate,
                TypeInformation.of(Event.class));
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
