package dev.weir.bench;

import java.util.Arrays;

/**
 * One engine's figures for one workload: the measured rounds in nanoseconds (throughput workloads) or the startup
 * times. An engine that cannot run the workload yet has no samples.
 */
record Measurement(String engine, Workload workload, long events, long[] nanos) {

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

    /** Events per second at the median round. */
    double eventsPerSecond() {
        return events * 1e9 / medianNanos();
    }

    double medianMillis() {
        return medianNanos() / 1e6;
    }
}
