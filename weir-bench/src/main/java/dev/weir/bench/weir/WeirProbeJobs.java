package dev.weir.bench.weir;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.connector.datagen.source.GeneratorFunction;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.FilterFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.bench.Event;
import dev.weir.bench.HeapProbe;
import dev.weir.bench.HeapShape;
import dev.weir.bench.KeyedSum;
import dev.weir.bench.LatencyHistogram;
import dev.weir.bench.LatencyShape;
import dev.weir.bench.Span;
import dev.weir.bench.StampedEvent;
import dev.weir.bench.WindowCloses;
import dev.weir.bench.WindowLatest;
import java.time.Duration;

/**
 * Weir's side of workloads 8 (latency) and 10 (heap per key). {@code flink/FlinkProbeJobs.java} is the same code with
 * Flink's imports (plus the {@code TypeInformation} Flink's generator source demands); keep the two in step.
 */
public final class WeirProbeJobs {
    /** Workload 8's periodic watermark interval, the same on both engines: it bounds the wait for a window to fire. */
    public static final long LATENCY_WATERMARK_INTERVAL_MILLIS = 1;
    /** Workload 8's tumbling window. */
    public static final Duration LATENCY_WINDOW = Duration.ofMillis(LatencyShape.WINDOW_MILLIS);

    private WeirProbeJobs() {
    }

    /**
     * Workload 8: stamped events at the source's fixed rate (the engine's own {@code RateLimiterStrategy}), monotonous
     * event-time watermarks, a tumbling count per key, and the delay of each result from the creation of the event
     * that closed its window ({@link WindowCloses}) recorded in the {@link LatencyHistogram} just before the sink. Set
     * {@link #LATENCY_WATERMARK_INTERVAL_MILLIS} on the environment first.
     */
    public static DataStream<WindowLatest> latency(StreamExecutionEnvironment env, LatencyShape shape) {
        DataGeneratorSource<StampedEvent> source = new DataGeneratorSource<>(new StampedGenerator(shape),
                shape.events(), RateLimiterStrategy.perSecond(shape.ratePerSecond()));
        WatermarkStrategy<StampedEvent> watermarks = WatermarkStrategy.<StampedEvent>forMonotonousTimestamps()
                .withTimestampAssigner((event, previous) -> event.timestamp);
        return env.fromSource(source, watermarks, "stamped")
                .keyBy(new StampedKey())
                .window(TumblingEventTimeWindows.of(LATENCY_WINDOW))
                .aggregate(new CountAndLatest())
                .map(new RecordDelay());
    }

    /**
     * Workload 10: {@code shape.keys()} events of distinct keys, all at event time 0, into a tumbling 1 s window
     * whose aggregate counts its adds in the {@link HeapProbe}; the source then runs on without input for the
     * window, and event time stays at 0, so the window never fires while the heap is measured.
     */
    public static DataStream<KeyedSum> heap(StreamExecutionEnvironment env, HeapShape shape) {
        DataGeneratorSource<Event> source = new DataGeneratorSource<>(new KeyPerIndex(shape), shape.sourceCount());
        WatermarkStrategy<Event> watermarks = WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(100))
                .withTimestampAssigner((event, previous) -> event.timestamp);
        return env.fromSource(source, watermarks, "keys")
                .filter(new KeyedShareOnly(shape.keys()))
                .keyBy(new WeirJobs.ByKey())
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .aggregate(new CountedSumAndCount());
    }

    /** Stamps each event as it is generated and tells the {@link Span} when each subtask opens. */
    static final class StampedGenerator implements GeneratorFunction<Long, StampedEvent> {
        private static final long serialVersionUID = 1L;
        private final LatencyShape shape;

        StampedGenerator(LatencyShape shape) {
            this.shape = shape;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            Span.sourceOpened();
        }

        @Override
        public StampedEvent map(Long index) {
            return shape.event(index);
        }
    }

    static final class StampedKey implements KeySelector<StampedEvent, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(StampedEvent event) {
            return event.key;
        }
    }

    /** Counts a key's events and keeps their latest event time. */
    static final class CountAndLatest implements AggregateFunction<StampedEvent, WindowLatest, WindowLatest> {
        private static final long serialVersionUID = 1L;

        @Override
        public WindowLatest createAccumulator() {
            return new WindowLatest();
        }

        @Override
        public WindowLatest add(StampedEvent event, WindowLatest accumulator) {
            accumulator.key = event.key;
            accumulator.count++;
            accumulator.timestamp = Math.max(accumulator.timestamp, event.timestamp);
            return accumulator;
        }

        @Override
        public WindowLatest getResult(WindowLatest accumulator) {
            return accumulator;
        }

        @Override
        public WindowLatest merge(WindowLatest a, WindowLatest b) {
            return new WindowLatest(a.count == 0 ? b.key : a.key, a.count + b.count,
                    Math.max(a.timestamp, b.timestamp));
        }
    }

    /**
     * Records now minus the creation time of the event that closed the result's window; results of the window the
     * end of input closed (no such event) are not recorded.
     */
    static final class RecordDelay implements MapFunction<WindowLatest, WindowLatest> {
        private static final long serialVersionUID = 1L;

        @Override
        public WindowLatest map(WindowLatest result) {
            long closed = WindowCloses.closedAt((int) (result.timestamp / LatencyShape.WINDOW_MILLIS) + 1);
            if (closed != 0) {
                LatencyHistogram.record(System.nanoTime() - closed);
            }
            return result;
        }
    }

    /**
     * Key {@code i} for logical event {@code i}; reports to the {@link HeapProbe} when it generates its first key past
     * the keyed share. Each subtask's keys step by the parallelism, so exactly one of them falls in
     * {@code [keys, keys + parallelism)}: stateless, because Weir hands every subtask the same generator instance.
     */
    static final class KeyPerIndex implements GeneratorFunction<Long, Event> {
        private static final long serialVersionUID = 1L;
        private final HeapShape shape;

        KeyPerIndex(HeapShape shape) {
            this.shape = shape;
        }

        @Override
        public Event map(Long index) {
            long key = shape.key(index);
            if (key >= shape.keys() && key < shape.keys() + shape.parallelism()) {
                HeapProbe.pastKeys();
            }
            return new Event(key, 0, 1);
        }
    }

    static final class KeyedShareOnly implements FilterFunction<Event> {
        private static final long serialVersionUID = 1L;
        private final long keys;

        KeyedShareOnly(long keys) {
            this.keys = keys;
        }

        @Override
        public boolean filter(Event event) {
            return event.key < keys;
        }
    }

    /** {@link WeirWindowJobs}' sum and count that also counts its adds in the {@link HeapProbe}. */
    static final class CountedSumAndCount implements AggregateFunction<Event, KeyedSum, KeyedSum> {
        private static final long serialVersionUID = 1L;

        @Override
        public KeyedSum createAccumulator() {
            return new KeyedSum();
        }

        @Override
        public KeyedSum add(Event event, KeyedSum accumulator) {
            HeapProbe.added();
            accumulator.key = event.key;
            accumulator.sum += event.value;
            accumulator.count++;
            return accumulator;
        }

        @Override
        public KeyedSum getResult(KeyedSum accumulator) {
            return accumulator;
        }

        @Override
        public KeyedSum merge(KeyedSum a, KeyedSum b) {
            return new KeyedSum(a.count == 0 ? b.key : a.key, a.sum + b.sum, a.count + b.count);
        }
    }
}
