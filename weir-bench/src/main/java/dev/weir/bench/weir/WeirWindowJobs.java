package dev.weir.bench.weir;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.bench.Event;
import dev.weir.bench.KeyedSum;
import dev.weir.bench.Workload;
import java.time.Duration;

/**
 * Weir's side of the windowed workloads (2, 3, 4, 5), written against Flink's names exactly.
 * {@code flink/FlinkWindowJobs.java} is the same code with Flink's imports.
 */
public final class WeirWindowJobs {
    private WeirWindowJobs() {
    }

    /** The windowed job of {@code workload} over {@code events}. */
    public static DataStream<KeyedSum> build(Workload workload, DataStream<Event> events) {
        return switch (workload) {
            case TUMBLING_P1, TUMBLING_P2, ROCKSDB_TUMBLING -> events.keyBy(new WeirJobs.ByKey())
                    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                    .aggregate(new SumAndCount());
            case SLIDING_10S, ROCKSDB_SLIDING -> events.keyBy(new WeirJobs.ByKey())
                    .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(1)))
                    .aggregate(new SumAndCount());
            case SLIDING_60S -> events.keyBy(new WeirJobs.ByKey())
                    .window(SlidingEventTimeWindows.of(Duration.ofSeconds(60), Duration.ofSeconds(1)))
                    .aggregate(new SumAndCount());
            case SESSION -> events.keyBy(new WeirJobs.ByKey())
                    .window(EventTimeSessionWindows.withGap(Duration.ofMillis(500)))
                    .aggregate(new SumAndCount());
            default -> throw new IllegalArgumentException("Workload " + workload + " is not windowed");
        };
    }

    /** Sum and count of the values, keeping the key so results are comparable across engines. */
    static final class SumAndCount implements AggregateFunction<Event, KeyedSum, KeyedSum> {
        private static final long serialVersionUID = 1L;

        @Override
        public KeyedSum createAccumulator() {
            return new KeyedSum();
        }

        @Override
        public KeyedSum add(Event event, KeyedSum accumulator) {
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
            // A fresh accumulator is the identity of merge: Weir's sliding windows merge per-slice accumulators into one.
            return new KeyedSum(a.count == 0 ? b.key : a.key, a.sum + b.sum, a.count + b.count);
        }
    }
}
