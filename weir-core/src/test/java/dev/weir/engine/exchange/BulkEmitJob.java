package dev.weir.engine.exchange;

import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.util.Collector;

/**
 * A flatMap that turns one record into {@code args[0]} records, sent over an exchange to a counting sink, all on one
 * worker thread ({@code args[1]} workers): run in a child JVM with a small heap by {@link BoundedOverflowTest}.
 * Prints "count=N sum=S" when the job finished.
 */
public final class BulkEmitJob {
    static long count;
    static long sum;

    private BulkEmitJob() {
    }

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.configure("weir.workers", args[1]);
        env.fromData(n)
                .flatMap((FlatMapFunction<Long, Long>) (times, out) -> {
                    for (long i = 0; i < times; i++) {
                        out.collect(i);
                    }
                })
                .rebalance()
                .addSink(new Count());
        env.execute("bulk-emit");
        System.out.println("count=" + count + " sum=" + sum);
    }

    /** Counts and sums what it receives (one subtask). */
    static final class Count implements SinkFunction<Long> {
        @Override
        public void invoke(Long value) {
            count++;
            sum += value;
        }
    }
}
