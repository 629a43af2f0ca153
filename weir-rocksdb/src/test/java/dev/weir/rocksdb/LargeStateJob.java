package dev.weir.rocksdb;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.connector.source.util.ratelimit.RateLimiter;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.util.Collector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A job whose keyed state is far larger than its JVM's heap, run in a child JVM by {@link LargerThanHeapTest}. The
 * source's numbers {@code 0..2 keys + changes - 1} pass three phases: loading (key {@code i} stores a payload of
 * {@code payloadChars} pseudo-random characters made from its number), changing (every {@value #CHANGE_STRIDE}th key stores a second,
 * different payload of the same length) and checking (every key's value is read back and compared with its latest
 * payload; a missing one is wrong). Prints {@code RESULT checked=<n> wrong=<m> after <s> s} at the end.
 *
 * <p>Keys are decimal strings of fixed width: RocksDB lays each key group's keys out in byte order, which for them is
 * their numeric order, so the check phase (numbers in order) walks each key group's range forward as a range scan
 * would. Reading 20 M keys back took 171 s at load 35-60 and 1,010 s at load 60-88 (about 1,100 s with {@code Long}
 * keys in branch ri at load 46-59; docs/benchmarks-rocksdb.md, branch rk).
 *
 * <p>Arguments: {@code rocksdb|hashmap keys payloadChars localDir}, then optionally {@code checkpointDir
 * restorePath|-}: incremental checkpoints every {@value #CHECKPOINT_INTERVAL_MS} ms into {@code checkpointDir}, all
 * retained (a test reads each one's size), kept when the process dies. Without a restore path the source stops twice
 * and never reaches the check phase ({@link LoadThenChange}): once loaded, until a checkpoint holds the whole loaded
 * state and the file {@code checkpointDir.change} exists, and once changed, until a checkpoint holds the changes; it
 * then waits to be killed. With a restore path the job resumes there unpaced.
 */
public final class LargeStateJob {
    /** Every this-many-th key changes: 1 % of the keys. */
    static final int CHANGE_STRIDE = 100;
    static final long CHECKPOINT_INTERVAL_MS = 500;
    static final AtomicLong CHECKED = new AtomicLong();
    static final AtomicLong WRONG = new AtomicLong();
    /** For the phases' durations in the log. */
    static final long STARTED = System.nanoTime();

    private LargeStateJob() {
    }

    public static void main(String[] args) throws Exception {
        long keys = Long.parseLong(args[1]);
        int payloadChars = Integer.parseInt(args[2]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        RateLimiterStrategy pace = RateLimiterStrategy.noOp();
        boolean checkpointing = args.length > 4;
        if (checkpointing) {
            env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
            env.getCheckpointConfig().setCheckpointStorage(args[4]);
            env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
            env.getCheckpointConfig().setNumRetainedCheckpoints(Integer.MAX_VALUE);
            env.getCheckpointConfig().setMaxConcurrentCheckpoints(1);
            if (args[5].equals("-")) {
                pace = new LoadThenChange(keys, changes(keys), changeSignal(args[4]));
            } else {
                env.setRestorePath(args[5], false);
            }
        }
        if (args[0].equals("rocksdb")) {
            EmbeddedRocksDBStateBackend rocks = new EmbeddedRocksDBStateBackend(checkpointing);
            rocks.setDbStoragePath(args[3]);
            env.setStateBackend(rocks);
        } else {
            env.setStateBackend(new HashMapStateBackend());
        }
        env.fromSource(new DataGeneratorSource<>(i -> i, 2 * keys + changes(keys), pace), WatermarkStrategy.noWatermarks(), "numbers")
                .setParallelism(1).uid("numbers")
                .keyBy(new KeyOf(keys))
                .process(new StoreThenCheck(keys, payloadChars)).uid("store-then-check")
                .sinkTo(new DiscardingSink<>());
        env.execute("larger than heap");
        System.out.println("RESULT checked=" + CHECKED.get() + " wrong=" + WRONG.get() + " after " + secondsSinceStart() + " s");
    }

    /** The file whose creation lets the first run of the kill test change its keys. */
    static String changeSignal(String checkpointDir) {
        return checkpointDir + ".change";
    }

    /** How many keys the change phase changes. */
    static long changes(long keys) {
        return (keys + CHANGE_STRIDE - 1) / CHANGE_STRIDE;
    }

    /** The key number number {@code i} of the source stands for, in any phase. */
    static long keyNumber(long i, long keys) {
        if (i < keys) {
            return i;
        }
        long changes = changes(keys);
        return i < keys + changes ? (i - keys) * CHANGE_STRIDE : i - keys - changes;
    }

    /** Key number {@code n} as a decimal of ten digits, so that byte order is numeric order. */
    static String key(long n) {
        char[] digits = new char[10];
        for (int d = 9; d >= 0; d--) {
            digits[d] = (char) ('0' + n % 10);
            n /= 10;
        }
        return new String(digits);
    }

    static long secondsSinceStart() {
        return (System.nanoTime() - STARTED) / 1_000_000_000L;
    }

    /**
     * The payload of key number {@code n}, its first one or the changed one: {@code chars} pseudo-random characters
     * below 256 (one byte each when serialized), so RocksDB's compression cannot shrink the state below its size.
     */
    static String payload(long n, int chars, boolean changed) {
        char[] payload = new char[chars];
        long x = n * 2 + (changed ? 1 : 0);
        for (int i = 0; i < chars; i += 8) {
            // SplitMix64: eight characters from each step.
            x += 0x9E3779B97F4A7C15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            for (int b = 0; b < 8 && i + b < chars; b++) {
                payload[i + b] = (char) ((z >>> (8 * b)) & 0xFF);
            }
        }
        return new String(payload);
    }

    /** The key of a source number. */
    static final class KeyOf implements dev.weir.api.java.functions.KeySelector<Long, String> {
        private final long keys;

        KeyOf(long keys) {
            this.keys = keys;
        }

        @Override
        public String getKey(Long value) {
            return key(keyNumber(value, keys));
        }
    }

    /** Stores in the loading and change phases, reads back and checks in the check phase. */
    static final class StoreThenCheck extends KeyedProcessFunction<String, Long, Long> {
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
            long n = keyNumber(value, keys);
            long checkFrom = keys + changes(keys);
            if (value < checkFrom) {
                stored.update(payload(n, payloadChars, value >= keys));
                return;
            }
            if (value == checkFrom) {
                System.out.println("LargeStateJob: reading back after " + secondsSinceStart() + " s");
            }
            String found = stored.value();
            if (payload(n, payloadChars, n % CHANGE_STRIDE == 0).equals(found)) {
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

    /**
     * Paces the first run of the kill test: every number of the loading phase at once, then nothing until a checkpoint
     * holds them all ({@code LOADED checkpoint=<id>}) and the test has created the signal file (once RocksDB's
     * compactions after the loading settled: {@code CHANGING checkpoint=<id>} names the last checkpoint completed
     * before the first change); the change phase's numbers, then nothing until a checkpoint holds them too
     * ({@code CHANGED checkpoint=<id>}); then nothing more.
     */
    static final class LoadThenChange implements RateLimiterStrategy {
        private static final long serialVersionUID = 1L;
        private final long keys;
        private final long changes;
        private final String signal;

        LoadThenChange(long keys, long changes, String signal) {
            this.keys = keys;
            this.changes = changes;
            this.signal = signal;
        }

        @Override
        public RateLimiter createRateLimiter(int parallelism) {
            return new Gate(keys, changes, Path.of(signal));
        }
    }

    /** {@link LoadThenChange}'s limiter of the source's one reader. */
    private static final class Gate implements RateLimiter.Batched {
        private static final int LOADING = 0;
        private static final int LOADED = 1;
        private static final int CHANGING = 2;
        private static final int CHANGED = 3;
        private final long changes;
        private final Path signal;
        private int phase = LOADING;
        private long left;
        /** Whether the reader asked for more after the phase's numbers were all emitted: only then is the phase over. */
        private boolean drained;
        private int completedSinceDrained;
        private long lastCompleted = -1;
        private long nextLook;

        Gate(long keys, long changes, Path signal) {
            this.changes = changes;
            this.signal = signal;
            this.left = keys;
        }

        @Override
        public CompletionStage<Void> acquire() {
            return new CompletableFuture<>(); // DataGeneratorSource uses tryAcquire.
        }

        @Override
        public int tryAcquire(long nowNanos, int max) {
            if (phase == LOADED && nowNanos - nextLook >= 0) {
                nextLook = nowNanos + 10_000_000;
                if (Files.exists(signal)) {
                    System.out.println("CHANGING checkpoint=" + lastCompleted + " after " + secondsSinceStart() + " s");
                    phase = CHANGING;
                    left = changes;
                }
            }
            int granted = (int) Math.min(max, left);
            left -= granted;
            if (granted == 0 && (phase == LOADING || phase == CHANGING) && !drained) {
                drained = true;
                completedSinceDrained = 0;
            }
            return granted;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            lastCompleted = checkpointId;
            // One checkpoint at a time: the second to complete after the phase drained was triggered after it, so its
            // barrier follows the phase's last number.
            if (!drained || ++completedSinceDrained < 2) {
                return;
            }
            drained = false;
            phase++;
            System.out.println((phase == LOADED ? "LOADED" : "CHANGED") + " checkpoint=" + checkpointId + " after "
                    + secondsSinceStart() + " s");
        }
    }
}
