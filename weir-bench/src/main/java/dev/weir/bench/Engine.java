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

    /** Runs the startup probe's trivial job (1,000 events, map, filter); the {@link Span} then holds its first output and end. */
    void runTrivialJob() throws Exception;

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
