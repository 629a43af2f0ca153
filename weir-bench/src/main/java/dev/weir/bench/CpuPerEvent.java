package dev.weir.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU-time figure of a throughput workload: each engine's worker JVM's CPU nanoseconds per event (all its threads:
 * the job's, the JIT's, the collector's) in its median round, and Weir's ratio to the cheaper Flink. A loaded machine
 * distorts it far less than wall time, so a run on a busy machine still compares the engines' cost.
 */
final class CpuPerEvent {
    private CpuPerEvent() {
    }

    /** One line: {@code <workload> CPU per event: weir 20.1 ns, flink-1.20.5 170.2 ns; Flink/Weir 8.47x}. */
    static String line(Workload workload, long events, Map<String, long[]> cpuNanosPerRound) {
        return line(workload.number, events, cpuNanosPerRound);
    }

    /** The same line for {@code what} (a workload's number, or e.g. "1 in the span,"). */
    static String line(String what, long events, Map<String, long[]> cpuNanosPerRound) {
        StringBuilder out = new StringBuilder(what + " CPU per event (median round):");
        double weir = Double.NaN;
        double cheapestFlink = Double.POSITIVE_INFINITY;
        String separator = " ";
        for (Map.Entry<String, long[]> engine : cpuNanosPerRound.entrySet()) {
            double perEvent = median(engine.getValue()) / (double) events;
            out.append(separator).append(String.format(Locale.ROOT, "%s %.1f ns", engine.getKey(), perEvent));
            separator = ", ";
            if (engine.getKey().equals("weir")) {
                weir = perEvent;
            } else {
                cheapestFlink = Math.min(cheapestFlink, perEvent);
            }
        }
        if (!Double.isNaN(weir) && cheapestFlink != Double.POSITIVE_INFINITY) {
            out.append(String.format(Locale.ROOT, "; cheaper Flink / Weir %.2fx", cheapestFlink / weir));
        }
        return out.toString();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
