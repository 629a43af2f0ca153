package dev.weir.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The measured interval of one run, in this JVM: from the first source subtask opening to the last sink subtask
 * seeing the end of its input. It leaves out each engine's job submission and teardown, which workload 9 (startup)
 * measures on its own.
 */
public final class Span {
    private static final AtomicLong FIRST_OPEN = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicLong LAST_END = new AtomicLong(Long.MIN_VALUE);
    private static final AtomicLong FIRST_RECORD = new AtomicLong(Long.MAX_VALUE);
    /** The JVM's CPU time at the first open and at the last end; written with those two under the class's lock. */
    private static long openCpu;
    private static long endCpu;
    /** Off in the startup and memory probes' JVMs: reading the CPU time loads the management classes. */
    private static volatile boolean cpuTracked;
    /** Every subtask's open and end in this span, for {@link #describe}; guarded by the class's lock. */
    private static final long[] OPENS = new long[16];
    private static final long[] ENDS = new long[16];
    private static int opens;
    private static int ends;

    private Span() {
    }

    /** Makes each span read this JVM's CPU time at its two ends ({@link #cpuNanos()}); the bench's worker turns it on. */
    public static void trackCpu() {
        cpuTracked = true;
    }

    public static synchronized void reset() {
        opens = 0;
        ends = 0;
        FIRST_OPEN.set(Long.MAX_VALUE);
        LAST_END.set(Long.MIN_VALUE);
        FIRST_RECORD.set(Long.MAX_VALUE);
    }

    /** Called by each source subtask when it opens. */
    public static void sourceOpened() {
        long cpu = cpuTracked ? ProcessCpu.nanos() : -1;
        long now = System.nanoTime();
        synchronized (Span.class) {
            if (opens < OPENS.length) {
                OPENS[opens++] = now;
            }
            if (now < FIRST_OPEN.get()) {
                FIRST_OPEN.set(now);
                openCpu = cpu;
            }
        }
    }

    /** Called by each sink subtask at the end of its input. */
    public static void sinkFinished() {
        long now = System.nanoTime();
        long cpu = cpuTracked ? ProcessCpu.nanos() : -1;
        synchronized (Span.class) {
            if (ends < ENDS.length) {
                ENDS[ends++] = now;
            }
            if (now > LAST_END.get()) {
                LAST_END.set(now);
                endCpu = cpu;
            }
        }
    }

    /**
     * The JVM's CPU time (all its threads) inside the last span: the work the span's wall time paid for. The round's CPU
     * ({@code cpu} before and after {@code measure}) also holds the job's submission and teardown, which the span leaves
     * out, so only this figure divided by the span says how busy the job kept the cores. -1 when the run did not
     * report both ends (a job that times itself otherwise) or the CPU is not tracked.
     */
    public static synchronized long cpuNanos() {
        if (!cpuTracked || FIRST_OPEN.get() == Long.MAX_VALUE || LAST_END.get() == Long.MIN_VALUE) {
            return -1;
        }
        return endCpu - openCpu;
    }

    /**
     * Where a round's wall time went, in milliseconds: from {@code executeNanos} (the job's submission) to the first
     * source open, each source subtask's open and each sink subtask's end after that, and from the last end to
     * {@code returnedNanos} (execute() returned); then the CPU in the span and the cores it kept busy.
     */
    public static synchronized String describe(long executeNanos, long returnedNanos) {
        long first = FIRST_OPEN.get();
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, "submit to first open %.2f ms; opens at",
                (first - executeNanos) / 1e6));
        for (int i = 0; i < opens; i++) {
            out.append(String.format(java.util.Locale.ROOT, " +%.2f", (OPENS[i] - first) / 1e6));
        }
        out.append(" ms; sink ends at");
        for (int i = 0; i < ends; i++) {
            out.append(String.format(java.util.Locale.ROOT, " +%.2f", (ENDS[i] - first) / 1e6));
        }
        long cpu = cpuNanos();
        out.append(String.format(java.util.Locale.ROOT, " ms; last end to execute() returned %.2f ms; CPU in the span %.2f ms,"
                + " %.2f cores busy", (returnedNanos - LAST_END.get()) / 1e6, cpu / 1e6, (double) cpu / (LAST_END.get() - first)));
        return out.toString();
    }

    /** Called by a sink subtask on its first record; only the startup probe's sink calls it. */
    public static void firstRecord() {
        FIRST_RECORD.accumulateAndGet(System.nanoTime(), Math::min);
    }

    /** Nanoseconds from the first source open to the last sink end; fails if either end was not seen. */
    public static long nanos() {
        long start = FIRST_OPEN.get();
        long end = LAST_END.get();
        if (start == Long.MAX_VALUE || end == Long.MIN_VALUE) {
            throw new IllegalStateException("Span: the run did not report " + (start == Long.MAX_VALUE
                    ? "a source opening" : "a sink end of input") + "; was the job built with the bench's source and"
                    + " timed sink?");
        }
        return end - start;
    }

    /** {@link System#nanoTime()} of the first source subtask's opening, or {@code Long.MAX_VALUE}. */
    public static long openNanos() {
        return FIRST_OPEN.get();
    }

    /** {@link System#nanoTime()} of the last sink's end of input, or {@code Long.MIN_VALUE}. */
    public static long endNanos() {
        return LAST_END.get();
    }

    /** {@link System#nanoTime()} of the first record any sink saw, or {@code Long.MAX_VALUE}. */
    public static long firstRecordNanos() {
        return FIRST_RECORD.get();
    }
}
