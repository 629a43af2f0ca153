package dev.weir.bench;

import java.lang.management.ManagementFactory;

/**
 * Workload 9 in a fresh JVM: runs a trivial job on one engine and prints
 * {@code startup <nanos from main to the first output record> <millis from JVM start to it>}.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainNanos = System.nanoTime();
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: StartupProbe weir|flink");
        }
        java.io.PrintStream protocol = System.out;
        System.setOut(System.err);
        Span.reset();
        Engine.named(args[0]).runTrivialJob();
        long first = Span.firstRecordNanos();
        if (first == Long.MAX_VALUE) {
            throw new IllegalStateException("StartupProbe: the trivial job finished without an output record");
        }
        long sinceJvmStartMillis = ManagementFactory.getRuntimeMXBean().getUptime()
                - (System.nanoTime() - first) / 1_000_000;
        protocol.println("startup " + (first - mainNanos) + " " + sinceJvmStartMillis);
        protocol.flush();
        System.exit(0);
    }
}
