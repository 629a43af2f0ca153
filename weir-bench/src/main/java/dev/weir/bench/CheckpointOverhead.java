package dev.weir.bench;

import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.common.state.CheckpointListener;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.bench.weir.WeirJobs;
import dev.weir.bench.weir.WeirWindowJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The checkpoint overhead of issue 5, on Weir alone, in one JVM: (a) throughput of workload 2b (tumbling 1 s aggregate
 * over the bench's generator, K=10k, parallelism 2) with a checkpoint every second against none, in alternating runs
 * after a warm-up, reporting the medians and the overhead; (b) recovery time, from a failure injected into a running
 * job to the first window result after the restore (fixed-delay restart, 0 ms delay).
 *
 * <p>Options: {@code --seconds 8} (length of one throughput run, calibrated by the warm-up), {@code --rounds 5}
 * (pairs of runs), {@code --recoveries 5}.
 */
public final class CheckpointOverhead {
    private static final Workload WORKLOAD = Workload.TUMBLING_P2;
    /** Completed checkpoints the last run saw. Static: the job's functions are copies. */
    static final AtomicLong COMPLETED = new AtomicLong();
    /** nanoTime of the injected failure, and of the first result after the restore. */
    static final AtomicLong FAILED_AT = new AtomicLong();
    static final AtomicLong FIRST_AFTER_RESTORE = new AtomicLong(Long.MAX_VALUE);

    private CheckpointOverhead() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 8;
        int rounds = 5;
        int recoveries = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--recoveries" -> recoveries = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; use --seconds, --rounds, --recoveries");
            }
        }
        Path checkpoints = Files.createTempDirectory("weir-checkpoint-overhead");

        // Warm-up, which also sizes the runs so each lasts about the requested seconds.
        long calibration = WORKLOAD.shape(20_000_000).events();
        double warm = 0;
        for (int i = 0; i < 2; i++) {
            warm = throughput(calibration, false, checkpoints);
            throughput(calibration, true, checkpoints);
        }
        long events = WORKLOAD.shape((long) (warm * seconds)).events();
        System.out.printf(Locale.ROOT, "workload %s (%s), %,d events per run, %d rounds, checkpoints in %s%n",
                WORKLOAD.number, WORKLOAD.title, events, rounds, checkpoints);

        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            // Alternate which goes first, so drift in the machine hits both alike.
            boolean checkpointedFirst = r % 2 == 1;
            for (int k = 0; k < 2; k++) {
                boolean checkpointed = checkpointedFirst == (k == 0);
                double rate = throughput(events, checkpointed, checkpoints);
                (checkpointed ? with : without).add(rate);
                System.out.printf(Locale.ROOT, "round %d %-22s %,.0f events/s%s%n", r + 1,
                        checkpointed ? "checkpoint every 1 s" : "no checkpoints", rate,
                        checkpointed ? ", " + COMPLETED.get() + " checkpoints completed" : "");
            }
        }
        double medianWithout = median(without);
        double medianWith = median(with);
        System.out.printf(Locale.ROOT, "median without checkpoints: %,.0f events/s%n", medianWithout);
        System.out.printf(Locale.ROOT, "median with a checkpoint every second: %,.0f events/s%n", medianWith);
        System.out.printf(Locale.ROOT, "overhead: %.1f %%%n", 100 * (medianWithout - medianWith) / medianWithout);

        List<Double> recovery = new ArrayList<>();
        for (int i = 0; i < recoveries; i++) {
            double millis = recoveryMillis(warm, checkpoints);
            recovery.add(millis);
            System.out.printf(Locale.ROOT, "recovery %d: %.1f ms from the failure to the first result after the restore%n", i + 1, millis);
        }
        Collections.sort(recovery);
        System.out.printf(Locale.ROOT, "recovery time: median %.1f ms, min %.1f ms, max %.1f ms%n", median(recovery),
                recovery.get(0), recovery.get(recovery.size() - 1));
        System.exit(0);
    }

    /** Events per second of one run of the window job, from submission to the end of the job. */
    private static double throughput(long events, boolean checkpointed, Path checkpoints) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(WORKLOAD.parallelism);
        if (checkpointed) {
            env.enableCheckpointing(1_000);
            env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        }
        WeirWindowJobs.build(WORKLOAD, WeirJobs.events(env, WORKLOAD.shape(events)))
                .map(new CountCheckpoints())
                .sinkTo(new DiscardingSink<>());
        COMPLETED.set(0);
        long start = System.nanoTime();
        env.execute("checkpoint-overhead");
        return events * 1e9 / (System.nanoTime() - start);
    }

    /**
     * One run that fails after about 3.5 s of input (past three checkpoints), restarts at once from the latest
     * checkpoint, and is cancelled after its first window result: the milliseconds from the throw to that result.
     */
    private static double recoveryMillis(double eventsPerSecond, Path checkpoints) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(WORKLOAD.parallelism);
        env.enableCheckpointing(1_000);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1, 0));
        long failAt = (long) (eventsPerSecond * 3.5 / WORKLOAD.parallelism);
        WeirWindowJobs.build(WORKLOAD, WeirJobs.events(env, WORKLOAD.shape(Long.MAX_VALUE - Long.MAX_VALUE % WORKLOAD.parallelism))
                        .map(new FailOnce(failAt)))
                .map(new FirstResultAfterRestore())
                .sinkTo(new DiscardingSink<>());
        FAILED_AT.set(0);
        FIRST_AFTER_RESTORE.set(Long.MAX_VALUE);
        JobClient client = env.executeAsync("checkpoint-recovery");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (FIRST_AFTER_RESTORE.get() == Long.MAX_VALUE) {
            if (System.nanoTime() > deadline || client.getJobExecutionResult().isDone()) {
                client.cancel().get(30, TimeUnit.SECONDS);
                throw new IllegalStateException("the recovery run produced no result after its restore within 120 s");
            }
            Thread.sleep(1);
        }
        client.cancel().get(30, TimeUnit.SECONDS);
        return (FIRST_AFTER_RESTORE.get() - FAILED_AT.get()) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Passes window results through and counts completed checkpoints (subtask 0 only, so each counts once). */
    static final class CountCheckpoints extends RichMapFunction<KeyedSum, KeyedSum> implements CheckpointListener {
        private static final long serialVersionUID = 1L;

        @Override
        public KeyedSum map(KeyedSum value) {
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (getRuntimeContext().getIndexOfThisSubtask() == 0) {
                COMPLETED.incrementAndGet();
            }
        }
    }

    /** Throws at its {@code failAt}-th event in the first attempt of subtask 0, noting the time. */
    static final class FailOnce extends RichMapFunction<Event, Event> {
        private static final long serialVersionUID = 1L;
        private final long failAt;
        private transient boolean armed;
        private transient long seen;

        FailOnce(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public void open(OpenContext openContext) {
            armed = getRuntimeContext().getTaskInfo().getAttemptNumber() == 0 && getRuntimeContext().getIndexOfThisSubtask() == 0;
        }

        @Override
        public Event map(Event event) {
            if (armed && ++seen == failAt) {
                FAILED_AT.set(System.nanoTime());
                throw new IllegalStateException("injected failure after " + seen + " events");
            }
            return event;
        }
    }

    /** Notes the time of the first window result any subtask emits after the restore. */
    static final class FirstResultAfterRestore extends RichMapFunction<KeyedSum, KeyedSum> {
        private static final long serialVersionUID = 1L;
        private transient boolean restored;

        @Override
        public void open(OpenContext openContext) {
            restored = getRuntimeContext().getTaskInfo().getAttemptNumber() > 0;
        }

        @Override
        public KeyedSum map(KeyedSum value) {
            if (restored) {
                restored = false;
                FIRST_AFTER_RESTORE.accumulateAndGet(System.nanoTime(), Math::min);
            }
            return value;
        }
    }
}
