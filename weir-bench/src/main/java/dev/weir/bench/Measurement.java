package dev.weir.bench;

import java.util.Arrays;

/**
 * One engine's figures for one workload, one sample per measured round: nanoseconds (throughput: the span; startup;
 * latency: the round's p99.9) or, for heap per key, the retained bytes, or for peak memory the resident bytes. Latency keeps the median round's
 * {@code p50, p99, p99.9} (ns) and achieved input rate (events/s) in {@code detail}. An engine that cannot run the
 * workload yet has no samples.
 */
record Measurement(String engine, Workload workload, long events, long[] nanos, long[] detail) {

    Measurement(String engine, Workload workload, long events, long[] nanos) {
        this(engine, workload, events, nanos, new long[0]);
    }

    static Measurement missing(String engine, Workload workload) {
        return new Measurement(engine, workload, 0, new long[0]);
    }

    boolean present() {
        return nanos.length > 0;
    }

    long medianNanos() {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Heap per key: the median round's retained bytes over the keys. */
    double bytesPerKey() {
        return (double) medianNanos() / events;
    }

    /** The figure ratios and the chart compare: events/s, or milliseconds for startup and latency, or bytes/key. */
    double value() {
        return switch (workload.kind()) {
            case THROUGHPUT -> eventsPerSecond();
            case STARTUP, LATENCY -> medianMillis();
            case HEAP -> bytesPerKey();
            case PEAK_MEMORY -> medianNanos() / 1e6;
        };
    }

    /** Whether a larger {@link #value()} is better (throughput) or worse (time, bytes). */
    boolean higherIsBetter() {
        return workload.kind() == Workload.Kind.THROUGHPUT;
    }

    /** Events per second at the median round. */
    double eventsPerSecond() {
        return events * 1e9 / medianNanos();
    }

    double medianMillis() {
        return medianNanos() / 1e6;
    }
}
