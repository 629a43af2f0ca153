package dev.weir.bench;

/** One engine's side of the bench: it runs a {@link Workload} in this JVM. */
public interface Engine {

    /** "weir" or "flink-&lt;version&gt;". */
    String name();

    /** Whether this engine can run the workload in this build (Weir's windowed side is compiled only with windows). */
    boolean supports(Workload workload);

    /** Runs the workload into a timed discarding sink and returns the {@link Span} in nanoseconds. */
    long measure(Workload workload, long events) throws Exception;

    /** Runs the workload on a small input, collects its output and digests it. */
    Checksum check(Workload workload, long events) throws Exception;

    /**
     * Runs workload 8 at {@code ratePerSecond} and answers {@code {p50, p99, p99.9, results, span}}: the delays in
     * nanoseconds from the latest creation time among a window's events to the sink seeing its result, the number
     * of results and the run's {@link Span} (so the caller sees the rate the engine actually took).
     */
    long[] latency(Workload workload, long events, long ratePerSecond) throws Exception;

    /**
     * Runs workload 10 twice, with {@code keys} keys and with none, each until the window holds all its events (and
     * cannot fire), and answers the difference of the settled used heaps in bytes.
     */
    long retainedHeap(Workload workload, long keys) throws Exception;

    /**
     * Workload 11a with checkpoints ({@link CheckpointProbe}): answers six numbers, for the checkpoint after the first
     * {@code loaded} events and for the one after {@code changed} more: duration in ms, checkpointed bytes, full
     * bytes.
     */
    String checkpoints(Workload workload, long loaded, long changed, boolean incremental) throws Exception;

    /** Runs the startup probe's trivial job (1,000 events, map, filter); the {@link Span} then holds its first output. */
    void runTrivialJob() throws Exception;

    /**
     * Workload 13's job: {@code fromSequence(1, records)}, a map that doubles each value, and
     * {@code executeAndCollect}; answers the sum of what it collected.
     */
    long collectTrivialJob(long records) throws Exception;

    /** The engine for {@code name} ("weir" or "flink"), loaded reflectively so each side stays in its own package. */
    static Engine named(String name) {
        String type = switch (name) {
            case "weir" -> "dev.weir.bench.weir.WeirEngine";
            case "flink" -> "dev.weir.bench.flink.FlinkEngine";
            default -> throw new IllegalArgumentException("Unknown engine '" + name + "'; use weir or flink");
        };
        try {
            return (Engine) Class.forName(type).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create engine " + type + ": " + e, e);
        }
    }
}
