package dev.weir.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The steady-state interval of a Nexmark SQL run, as Flink's own Nexmark benchmark measures throughput (the sources'
 * records per second once the job runs): from the first record any source subtask produced to the last one. It
 * leaves out what {@link Span} keeps on both engines, the job's deployment between the sources' opening and their
 * first record and the drain and teardown after the last record, fixed costs that dominate runs of a few hundred
 * thousand events. Each source subtask stamps its records in its own fields and reports them once, when it closes.
 */
public final class SourceRecordSpan {
    private static final AtomicLong FIRST = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicLong LAST = new AtomicLong(Long.MIN_VALUE);

    private SourceRecordSpan() {
    }

    public static void reset() {
        FIRST.set(Long.MAX_VALUE);
        LAST.set(Long.MIN_VALUE);
    }

    /** Called once by each source subtask as it closes, with its first and last record's {@link System#nanoTime()}. */
    public static void subtaskRecords(long first, long last) {
        FIRST.accumulateAndGet(first, Math::min);
        LAST.accumulateAndGet(last, Math::max);
    }

    /** {@link System#nanoTime()} of the first record of any source subtask; fails if none reported. */
    public static long firstNanos() {
        check();
        return FIRST.get();
    }

    /** {@link System#nanoTime()} of the last record of any source subtask; fails if none reported. */
    public static long lastNanos() {
        check();
        return LAST.get();
    }

    /** Nanoseconds from the first source record to the last. */
    public static long nanos() {
        return lastNanos() - firstNanos();
    }

    /**
     * Where a run's time went, for the worker's log: the sources' opening to their first record, first to last
     * record, and last record to the end of the job (as {@link Span} saw them).
     */
    public static String breakdown() {
        return String.format("opening to first source record %.0f ms, first to last source record %.0f ms, last"
                + " source record to the job's end %.0f ms", (firstNanos() - Span.openNanos()) / 1e6, nanos() / 1e6,
                (Span.endNanos() - lastNanos()) / 1e6);
    }

    private static void check() {
        if (FIRST.get() == Long.MAX_VALUE) {
            throw new IllegalStateException("SourceRecordSpan: no source subtask reported its records; was the job"
                    + " built with the bench's timed nexmark source, and did its subtasks close?");
        }
    }

    /** One subtask's stamps: {@link #record} on every record (one clock read, no allocation), {@link #report} on close. */
    public static final class Stamps implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;

        public void record() {
            long now = System.nanoTime();
            if (first == Long.MAX_VALUE) {
                first = now;
            }
            last = now;
        }

        public void report() {
            if (first != Long.MAX_VALUE) {
                subtaskRecords(first, last);
            }
        }
    }
}
