package dev.weir.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A worker JVM for one engine, driven by {@link SideBySide} over stdin/stdout so the engine's JIT stays warm between
 * rounds while the runner alternates engines.
 *
 * <p>Protocol, one line each way: {@code measure <workload> <events>} answers {@code ok <nanos>};
 * {@code latency <workload> <events> <rate>} answers {@code ok <p50> <p99> <p99.9> <results> <span nanos>};
 * {@code heap <workload> <keys>} answers {@code ok <retained bytes>};
 * {@code cpu} answers {@code ok <nanos>}, the CPU time this JVM used so far (all its threads: the engine's, the JIT's and
 * the collector's), so a loaded machine can compare engines by CPU time per event; {@code spancpu} answers
 * {@code ok <nanos>}, the CPU time this JVM used inside the last measured span ({@link Span#cpuNanos()});
 * {@code supports <workload>} answers {@code ok true|false}; {@code name} answers {@code ok <engine name>}; a failure
 * answers {@code error <message>}; end of stdin exits. Engines' own chatter goes to stderr, never to the protocol.
 */
public final class Worker {
    private Worker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: Worker weir|flink");
        }
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err);
        Span.trackCpu();
        Engine engine = Engine.named(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            protocol.println(answer(engine, line.trim().split("\\s+")));
        }
    }

    /** One round; with {@code -Dweir.bench.spans=true} it also logs where the round's wall time went ({@link Span#describe}). */
    private static long measure(Engine engine, Workload workload, long events) throws Exception {
        long submitted = System.nanoTime();
        long nanos = engine.measure(workload, events);
        long returned = System.nanoTime();
        if (Boolean.getBoolean("weir.bench.spans")) {
            System.err.println(workload.number + " " + engine.name() + ": " + Span.describe(submitted, returned));
        }
        return nanos;
    }

    private static String join(long[] values) {
        StringBuilder out = new StringBuilder();
        for (long v : values) {
            out.append(out.length() == 0 ? "" : " ").append(v);
        }
        return out.toString();
    }

    private static String answer(Engine engine, String[] command) {
        try {
            return switch (command[0]) {
                case "name" -> "ok " + engine.name();
                case "supports" -> "ok " + engine.supports(Workload.parse(command[1]));
                case "measure" -> "ok " + measure(engine, Workload.parse(command[1]), Long.parseLong(command[2]));
                case "latency" -> "ok " + join(engine.latency(Workload.parse(command[1]), Long.parseLong(command[2]),
                        Long.parseLong(command[3])));
                case "checkpoints" -> "ok " + engine.checkpoints(Workload.parse(command[1]), Long.parseLong(command[2]),
                        Long.parseLong(command[3]), Boolean.parseBoolean(command[4]));
                case "heap" -> "ok " + engine.retainedHeap(Workload.parse(command[1]), Long.parseLong(command[2]));
                case "cpu" -> "ok " + ProcessCpu.nanos();
                case "spancpu" -> "ok " + Span.cpuNanos();
                default -> "error unknown command '" + String.join(" ", command) + "'";
            };
        } catch (Throwable e) {
            e.printStackTrace();
            return "error " + String.valueOf(e).replace('\n', ' ');
        }
    }
}
