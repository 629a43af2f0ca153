package dev.weir.rocksdb;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.util.Collector;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A job whose keyed state is far larger than its JVM's heap, run in a child JVM by {@link LargerThanHeapTest}: every
 * key of {@code 0..keys-1} arrives twice; the first time its value state stores a payload of {@code payloadChars}
 * characters made from the key, the second time the payload is read back and checked. Prints
 * {@code RESULT checked=<n> wrong=<m>} at the end. Arguments: {@code rocksdb|hashmap keys payloadChars localDir}.
 */
public final class LargeStateJob {
    static final AtomicLong CHECKED = new AtomicLong();
    static final AtomicLong WRONG = new AtomicLong();

    private LargeStateJob() {
    }

    public static void main(String[] args) throws Exception {
        long keys = Long.parseLong(args[1]);
        int payloadChars = Integer.parseInt(args[2]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        if (args[0].equals("rocksdb")) {
            EmbeddedRocksDBStateBackend rocks = new EmbeddedRocksDBStateBackend();
            rocks.setDbStoragePath(args[3]);
            env.setStateBackend(rocks);
        } else {
            env.setStateBackend(new HashMapStateBackend());
        }
        env.fromSource(new DataGeneratorSource<>(i -> i, 2 * keys, RateLimiterStrategy.perSecond(1_000_000_000)),
                        WatermarkStrategy.noWatermarks(), "numbers").setParallelism(1)
                .keyBy(i -> i % keys)
                .process(new StoreThenCheck(payloadChars))
                .sinkTo(new DiscardingSink<>());
        env.execute("larger than heap");
        System.out.println("RESULT checked=" + CHECKED.get() + " wrong=" + WRONG.get());
    }

    static String payload(long key, int chars) {
        StringBuilder sb = new StringBuilder(chars);
        String k = Long.toString(key);
        while (sb.length() < chars) {
            sb.append(k).append('/');
        }
        sb.setLength(chars);
        return sb.toString();
    }

    /** First sight of a key stores its payload; the second reads it back and checks it. */
    static final class StoreThenCheck extends KeyedProcessFunction<Long, Long, Long> {
        private final int payloadChars;
        private transient ValueState<String> stored;

        StoreThenCheck(int payloadChars) {
            this.payloadChars = payloadChars;
        }

        @Override
        public void open(OpenContext openContext) {
            stored = getRuntimeContext().getState(new ValueStateDescriptor<>("payload", String.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            String expected = payload(ctx.getCurrentKey(), payloadChars);
            String found = stored.value();
            if (found == null) {
                stored.update(expected);
                return;
            }
            if (found.equals(expected)) {
                CHECKED.incrementAndGet();
            } else {
                WRONG.incrementAndGet();
            }
            out.collect(value);
        }
    }
}
