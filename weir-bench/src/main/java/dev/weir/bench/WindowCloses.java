package dev.weir.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Workload 8's record of when each tumbling window was closed: for window {@code n} (ending at {@code n} window
 * lengths), the latest over the source subtasks of the creation time of each subtask's first event at or past that
 * end. No watermark can pass the window's end before that event exists, so it is the event that closed the window.
 */
public final class WindowCloses {
    private static volatile AtomicLongArray closes = new AtomicLongArray(0);

    private WindowCloses() {
    }

    /** Starts a run of {@code windows} windows, forgetting the previous run. */
    public static void reset(int windows) {
        closes = new AtomicLongArray(windows);
    }

    /** A source subtask generated, at {@code createdNanos}, its first event at or past the end of window {@code n}. */
    public static void closedBy(int n, long createdNanos) {
        AtomicLongArray current = closes;
        if (n < current.length()) {
            current.accumulateAndGet(n, createdNanos, Math::max);
        }
    }

    /** The creation time of the event that closed window {@code n}, or 0 if none did (the end of input closed it). */
    public static long closedAt(int n) {
        AtomicLongArray current = closes;
        return n < current.length() ? current.get(n) : 0;
    }
}
