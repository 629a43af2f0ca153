package dev.weir.python;

import java.io.PrintStream;

/**
 * Where a Python stage's task thread spends its wall time, for Weir's benchmarks: with the environment variable
 * {@code WEIR_PYTHON_TIMELINE} set, {@link PythonStage} times sending each bundle, waiting for and reading each reply
 * and emitting its answers, and prints the totals and a power-of-two histogram of the durations when it closes; the
 * rest of the time the thread fills bundles, runs the operators around the stage, or is not running the task. The
 * worker prints the same for its side ({@code weir._internal.timeline}).
 */
final class StageTimeline {
    static final boolean ENABLED = System.getenv("WEIR_PYTHON_TIMELINE") != null;
    /** Histogram buckets: durations up to 1 µs, 2 µs, 4 µs, ... and beyond. */
    private static final int BUCKETS = 24;
    static final int SEND = 0;
    static final int ANSWERS = 1;
    static final int EMIT = 2;
    private static final String[] NAMES = {"send", "answers", "emit"};

    private final String who;
    private final long started = System.nanoTime();
    private final long[] totals = new long[NAMES.length];
    private final long[] counts = new long[NAMES.length];
    private final long[][] histograms = new long[NAMES.length][BUCKETS];

    StageTimeline(String who) {
        this.who = who;
    }

    /** Counts a phase that began at {@code since} (a {@link System#nanoTime()}) and ends now. */
    void add(int phase, long since) {
        long nanos = System.nanoTime() - since;
        totals[phase] += nanos;
        counts[phase]++;
        histograms[phase][Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(nanos / 1000))]++;
    }

    void report(PrintStream out) {
        long wall = System.nanoTime() - started;
        StringBuilder text = new StringBuilder(String.format("timeline of %s: %.3f s of wall time%n", who, wall / 1e9));
        long timed = 0;
        for (int phase = 0; phase < NAMES.length; phase++) {
            timed += totals[phase];
            text.append(String.format("  %-8s %8.3f s (%4.1f%%) in %d, %.0f µs each;", NAMES[phase], totals[phase] / 1e9,
                    100.0 * totals[phase] / wall, counts[phase], counts[phase] == 0 ? 0.0 : totals[phase] / 1e3 / counts[phase]));
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                if (histograms[phase][bucket] > 0) {
                    long micros = 1L << bucket;
                    text.append(micros >= 1000 ? String.format(" <%d ms: %d", micros / 1000, histograms[phase][bucket])
                            : String.format(" <%d µs: %d", micros, histograms[phase][bucket]));
                }
            }
            text.append(System.lineSeparator());
        }
        text.append(String.format("  the rest %8.3f s (%4.1f%%): filling bundles, the operators around, not running%n",
                (wall - timed) / 1e9, 100.0 * (wall - timed) / wall));
        out.print(text);
        out.flush();
    }
}
