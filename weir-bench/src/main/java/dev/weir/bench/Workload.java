package dev.weir.bench;

/**
 * The workloads of issue 6 with their fixed shape (keys, parallelism) and the event count a real measurement uses.
 * {@link #windowed} ones need Weir's windows ({@code dev.weir.api.windowing}) on Weir's side.
 */
public enum Workload {
    STATELESS("1", "stateless map+filter", 10_000, 2, 40_000_000L, false),
    TUMBLING_P1("2a", "tumbling 1 s aggregate, K=10k", 10_000, 1, 20_000_000L, true),
    TUMBLING_P2("2b", "tumbling 1 s aggregate, K=10k", 10_000, 2, 20_000_000L, true),
    SLIDING_10S("3", "sliding 10 s / 1 s aggregate, K=10k", 10_000, 2, 10_000_000L, true),
    SLIDING_60S("4", "sliding 60 s / 1 s aggregate, K=10k", 10_000, 2, 4_000_000L, true),
    SESSION("5", "session gap 500 ms aggregate, K=100k", 100_000, 2, 10_000_000L, true),
    KEYED_PROCESS("6", "keyed process, value state + 1 timer/key, K=10k", 10_000, 2, 6_000_000L, false),
    STARTUP("9", "startup: main to first output record", 1, 1, 1_000L, false);

    public final String number;
    public final String title;
    public final long keys;
    public final int parallelism;
    public final long benchEvents;
    public final boolean windowed;

    Workload(String number, String title, long keys, int parallelism, long benchEvents, boolean windowed) {
        this.number = number;
        this.title = title;
        this.keys = keys;
        this.parallelism = parallelism;
        this.benchEvents = benchEvents;
        this.windowed = windowed;
    }

    /** The generator shape for {@code events} events, rounded down to a multiple of the parallelism. */
    public EventShape shape(long events) {
        return new EventShape(events - events % parallelism, keys, parallelism);
    }

    /** The workload named by its enum name or its issue number ("1", "2b", "6"). */
    public static Workload parse(String text) {
        for (Workload w : values()) {
            if (w.name().equalsIgnoreCase(text) || w.number.equalsIgnoreCase(text)) {
                return w;
            }
        }
        throw new IllegalArgumentException("Unknown workload '" + text + "'; use one of "
                + java.util.Arrays.toString(values()) + " or its number (1, 2a, 2b, 3, 4, 5, 6, 9)");
    }
}
