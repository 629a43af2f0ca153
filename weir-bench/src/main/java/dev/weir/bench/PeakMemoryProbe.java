package dev.weir.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Workload 13 in a fresh JVM started with no options (the JVM's default heap and collector): runs a trivial job,
 * {@code fromSequence -> map -> collect}, on one engine, checks its output and prints {@code rss <peak resident
 * bytes>}: the process's high-water mark of resident memory ({@code VmHWM} in {@code /proc/self/status}), which
 * covers the heap, metaspace, code cache, thread stacks and native buffers alike.
 */
public final class PeakMemoryProbe {
    /** Enough records that the job reaches its steady state, few enough that it stays a trivial job. */
    static final long RECORDS = 1_000_000;

    private PeakMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: PeakMemoryProbe weir|flink");
        }
        java.io.PrintStream protocol = System.out;
        System.setOut(System.err);
        long sum = Engine.named(args[0]).collectTrivialJob(RECORDS);
        // map doubles each of 1..n: a job that lost or repeated records is not measured.
        long expected = RECORDS * (RECORDS + 1);
        if (sum != expected) {
            throw new IllegalStateException("PeakMemoryProbe: the trivial job collected a sum of " + sum
                    + ", expected " + expected);
        }
        protocol.println("rss " + peakResidentBytes());
        protocol.flush();
        System.exit(0);
    }

    /** The process's peak resident set, from Linux's {@code /proc/self/status}. */
    static long peakResidentBytes() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                // "VmHWM:     123456 kB"
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
            }
        }
        throw new IllegalStateException("/proc/self/status has no VmHWM line: the peak-memory probe needs Linux");
    }
}
