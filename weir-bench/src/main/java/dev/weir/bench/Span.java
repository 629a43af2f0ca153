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

    private Span() {
    }

    public static void reset() {
        FIRST_OPEN.set(Long.MAX_VALUE);
        LAST_END.set(Long.MIN_VALUE);
        FIRST_RECORD.set(Long.MAX_VALUE);
    }

    /** Called by each source subtask when it opens. */
    public static void sourceOpened() {
        FIRST_OPEN.accumulateAndGet(System.nanoTime(), Math::min);
    }

    /** Called by each sink subtask at the end of its input. */
    public static void sinkFinished() {
        LAST_END.accumulateAndGet(System.nanoTime(), Math::max);
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
