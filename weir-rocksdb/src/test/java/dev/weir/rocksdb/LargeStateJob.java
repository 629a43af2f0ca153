package dev.weir.rocksdb;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.configuration.ExternalizedCheckpointRetention;
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
 * key of {@code 0..keys-1} arrives twice (the numbers {@code 0..2 keys-1}, key {@code i mod keys}, in order); the
 * first time its value state stores a payload of {@code payloadChars} characters made from the key, the second time
 * the payload is read back and checked (a missing one is wrong). Prints {@code RESULT checked=<n> wrong=<m> after <s> s} at the
 * end. Arguments: {@code rocksdb|hashmap keys payloadChars localDir}, then optionally
 * {@code checkpointDir numbersPerSecond restorePath|-}: incremental checkpoints every 200 ms into
 * {@code checkpointDir}, three retained, kept when the process dies, the source limited to {@code numbersPerSecond}.
 */
public final class LargeStateJob {
    static final AtomicLong CHECKED = new AtomicLong();
    static final AtomicLong WRONG = new AtomicLong();
    /** For the phases' durations in the log: storing ends when the first number of the second pass arrives. */
    static final long STARTED = System.nanoTime();

    private LargeStateJob() {
    }

    public static void main(String[] args) throws Exception {
        long keys = Long.parseLong(args[1]);
        int payloadChars = Integer.parseInt(args[2]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        long perSecond = 1_000_000_000;
        boolean checkpointing = args.length > 4;
        if (checkpointing) {
            env.enableCheckpointing(200);
            env.getCheckpointConfig().setCheckpointStorage(args[4]);
            env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
            env.getCheckpointConfig().setNumRetainedCheckpoints(3);
            perSecond = Long.parseLong(args[5]);
            if (!args[6].equals("-")) {
                env.setRestorePath(args[6], false);
            }
        }
        if (args[0].equals("rocksdb")) {
            EmbeddedRocksDBStateBackend rocks = new EmbeddedRocksDBStateBackend(checkpointing);
            rocks.setDbStoragePath(args[3]);
            env.setStateBackend(rocks);
        } else {
            env.setStateBackend(new HashMapStateBackend());
        }
        env.fromSource(new DataGeneratorSource<>(i -> i, 2 * keys, RateLimiterStrategy.perSecond(perSecond)),
                        WatermarkStrategy.noWatermarks(), "numbers").setParallelism(1).uid("numbers")
                .keyBy(i -> i % keys)
                .process(new StoreThenCheck(keys, payloadChars)).uid("store-then-check")
                .sinkTo(new DiscardingSink<>());
        env.execute("larger than heap");
        System.out.println("RESULT checked=" + CHECKED.get() + " wrong=" + WRONG.get() + " after " + secondsSinceStart() + " s");
    }

    static long secondsSinceStart() {
        return (System.nanoTime() - STARTED) / 1_000_000_000L;
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
        private final long keys;
        private final int payloadChars;
        private transient ValueState<String> stored;

        StoreThenCheck(long keys, int payloadChars) {
            this.keys = keys;
            this.payloadChars = payloadChars;
        }

        @Override
        public void open(OpenContext openContext) {
            stored = getRuntimeContext().getState(new ValueStateDescriptor<>("payload", String.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            String expected = payload(ctx.getCurrentKey(), payloadChars);
            if (value < keys) {
                stored.update(expected);
                return;
            }
            if (value == keys) {
                System.out.println("LargeStateJob: reading back after " + secondsSinceStart() + " s");
            }
            String found = stored.value();
            if (expected.equals(found)) {
                long checked = CHECKED.incrementAndGet();
                if (checked % 2_000_000 == 0) {
                    System.out.println("LargeStateJob: " + checked + " checked after " + secondsSinceStart() + " s");
                }
            } else {
                WRONG.incrementAndGet();
            }
            out.collect(value);
        }
    }
}
