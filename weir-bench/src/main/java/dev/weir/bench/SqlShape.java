package dev.weir.bench;

/**
 * The input of the SQL tumbling workload (12a) and of its DataStream twin (12b): event {@code i} of {@code n} has
 * {@code key = splitmix64(i) mod K}, {@code value = i mod 97} and {@code timestamp = i / 20} ms, so that a 1 s window
 * holds 20,000 events, 20 per key with K = 1,000: the aggregate does aggregate. Source indexes are interleaved across
 * subtasks as in {@link EventShape}, so every subtask's timestamps start at 0.
 */
public final class SqlShape implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Events per millisecond of event time. */
    public static final long EVENTS_PER_MILLI = 20;

    private final long events;
    private final long keys;
    private final int parallelism;
    private final long share;

    public SqlShape(long events, long keys, int parallelism) {
        if (events <= 0 || keys <= 0 || parallelism <= 0 || events % parallelism != 0) {
            throw new IllegalArgumentException("SqlShape: events, keys and parallelism must be positive and events a"
                    + " multiple of the parallelism, were " + events + ", " + keys + ", " + parallelism);
        }
        this.events = events;
        this.keys = keys;
        this.parallelism = parallelism;
        this.share = events / parallelism;
    }

    public long events() {
        return events;
    }

    /** The logical event number of source index {@code j} (the shares interleaved). */
    public long logical(long j) {
        return (j % share) * parallelism + j / share;
    }

    public long key(long i) {
        return Long.remainderUnsigned(EventShape.splitmix64(i), keys);
    }

    public static long value(long i) {
        return i % 97;
    }

    public static long timestamp(long i) {
        return i / EVENTS_PER_MILLI;
    }
}
