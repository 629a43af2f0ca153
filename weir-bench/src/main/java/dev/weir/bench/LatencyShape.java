package dev.weir.bench;

/**
 * The latency workload's generator: event {@code i} has {@code key = splitmix64(i) mod K} and the event time
 * {@code i * 1000 / rate} ms, so at the source's rate event time runs with the wall clock; its creation time is
 * {@link System#nanoTime()} when the source generates it. Indexes interleave across subtasks as in {@link EventShape}.
 * A subtask's first event at or past a window's end reports its creation time to {@link WindowCloses}.
 */
public final class LatencyShape implements java.io.Serializable {
    /** The tumbling window of the latency job, in milliseconds of event time. */
    public static final long WINDOW_MILLIS = 200;
    private static final long serialVersionUID = 1L;

    private final long events;
    private final long keys;
    private final int parallelism;
    private final long ratePerSecond;
    private final long share;

    public LatencyShape(long events, long keys, int parallelism, long ratePerSecond) {
        if (events <= 0 || keys <= 0 || ratePerSecond <= 0 || parallelism <= 0 || events % parallelism != 0) {
            throw new IllegalArgumentException("LatencyShape: events (" + events + ") must be a positive multiple of"
                    + " the parallelism (" + parallelism + "), keys (" + keys + ") and rate (" + ratePerSecond
                    + ") positive");
        }
        this.events = events;
        this.keys = keys;
        this.parallelism = parallelism;
        this.ratePerSecond = ratePerSecond;
        this.share = events / parallelism;
    }

    public long events() {
        return events;
    }

    public long ratePerSecond() {
        return ratePerSecond;
    }

    /** How many windows the run's event time spans, with room for the one the end of input closes. */
    public int windows() {
        return Math.toIntExact(events * 1000 / ratePerSecond / WINDOW_MILLIS + 2);
    }

    /** The event for source index {@code j}, stamped now. */
    public StampedEvent event(long j) {
        long i = j % share * parallelism + j / share;
        long timestamp = i * 1000 / ratePerSecond;
        long created = System.nanoTime();
        // The subtask's previous event is i - p: stateless, as Weir shares one generator among its subtasks.
        if (i >= parallelism && timestamp / WINDOW_MILLIS > (i - parallelism) * 1000 / ratePerSecond / WINDOW_MILLIS) {
            WindowCloses.closedBy((int) (timestamp / WINDOW_MILLIS), created);
        }
        return new StampedEvent(Long.remainderUnsigned(EventShape.splitmix64(i), keys), timestamp, created);
    }
}
