package dev.weir.engine.exchange;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Buffer debloating for one consuming task (Flink's {@code taskmanager.network.memory.buffer-debloat.*}): limits each
 * of the task's input rings to the records the task drains in a target time, between a floor and the ring's capacity,
 * so that what queues in front of a checkpoint barrier or a watermark is at most about that much work, however slow
 * the consumer is (a RocksDB read-modify-write per record, a loaded machine).
 *
 * <p>The task calls {@link #beforeDrain()} and {@link #afterDrain(int)} around draining its inputs in each call. The debloater measures the task's throughput over
 * each period, leaving out the time its input was empty (a consumer that waits for records is not slow), as Flink's
 * throughput calculator does; it smooths the desired limit with an exponential moving average over {@code samples}
 * periods (alpha {@code 2 / (samples + 1)}, Flink's) and sets it on every ring. A ring starts at its full capacity.
 * A task backpressured by its own output does not report that call: its time counts as busy, so its inputs shrink and
 * the backpressure reaches its producers with little queued.
 *
 * <p>Consumer thread only. Reads the clock once every {@value #CALLS_PER_CLOCK_READ} calls that drain records (a period
 * ends at the first reading past it), and twice around a call that finds the input empty (when the task has nothing
 * else to do).
 */
public final class RingDebloater {

    /** What a task's input holds at the least, per channel, whatever its throughput. */
    public static final int DEFAULT_FLOOR = 256;
    private static final long NOT_IDLE = Long.MIN_VALUE;
    /** How many calls that drained records pass between two readings of the clock. */
    static final int CALLS_PER_CLOCK_READ = 8;

    private final int callsPerClockRead;
    private final RecordRing[] rings;
    private final long targetNanos;
    private final long periodNanos;
    private final double alpha;
    private final int floor;
    private final int largestCapacity;
    private final LongSupplier nanoClock;

    private long periodStart;
    private long idleSince = NOT_IDLE;
    private long idleNanos;
    private long records;
    private int callsSinceClock;
    /** The smoothed limit per channel; starts at the largest capacity. */
    private double smoothed;

    /**
     * @param rings       the task's input rings, all consumed by the calling task
     * @param targetNanos how long the task may take to drain what its inputs hold (Flink's {@code .target})
     * @param periodNanos how often the throughput is measured and the limits set (Flink's {@code .period})
     * @param samples     how many periods the moving average spans (Flink's {@code .samples})
     * @param floor       the least limit per ring (at most each ring's capacity)
     * @param nanoClock   a monotonic clock in nanoseconds ({@code System::nanoTime}; a test's own)
     */
    public RingDebloater(RecordRing[] rings, long targetNanos, long periodNanos, int samples, int floor,
                         LongSupplier nanoClock) {
        this(rings, targetNanos, periodNanos, samples, floor, nanoClock, CALLS_PER_CLOCK_READ);
    }

    /** As the public constructor, reading the clock every {@code callsPerClockRead} draining calls (tests: 1). */
    RingDebloater(RecordRing[] rings, long targetNanos, long periodNanos, int samples, int floor,
                  LongSupplier nanoClock, int callsPerClockRead) {
        this.callsPerClockRead = callsPerClockRead;
        this.rings = Objects.requireNonNull(rings, "rings").clone();
        if (targetNanos <= 0 || periodNanos <= 0 || samples < 1 || floor < 1) {
            throw new IllegalArgumentException("Buffer debloating needs a positive target, period, samples and floor,"
                    + " was " + targetNanos + " ns, " + periodNanos + " ns, " + samples + ", " + floor);
        }
        this.targetNanos = targetNanos;
        this.periodNanos = periodNanos;
        this.alpha = 2.0 / (samples + 1);
        this.floor = floor;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        int largest = 1;
        for (RecordRing ring : this.rings) {
            largest = Math.max(largest, Objects.requireNonNull(ring, "ring").capacity());
        }
        this.largestCapacity = largest;
        this.smoothed = largest;
        this.periodStart = nanoClock.getAsLong();
    }

    /**
     * Called before the task drains its inputs: ends the idle time that began when a call found them empty, so the
     * time the task then spends on what arrived counts as busy.
     */
    public void beforeDrain() {
        if (idleSince != NOT_IDLE) {
            idleNanos += nanoClock.getAsLong() - idleSince;
            idleSince = NOT_IDLE;
        }
    }

    /**
     * Reports one call of the task: {@code drained} records taken from its inputs; 0 means its inputs were empty,
     * and the task is idle until its next {@link #beforeDrain()}. At the end of a period, sets every ring's limit.
     */
    public void afterDrain(int drained) {
        if (drained == 0) {
            idleSince = nanoClock.getAsLong();
            return;
        }
        records += drained;
        // The clock costs about as much as draining a few records: a busy task reads it every few calls only.
        if (++callsSinceClock < callsPerClockRead) {
            return;
        }
        callsSinceClock = 0;
        final long now = nanoClock.getAsLong();
        final long elapsed = now - periodStart;
        if (elapsed >= periodNanos) {
            resize(elapsed - idleNanos);
            periodStart = now;
            idleNanos = 0;
            records = 0;
        }
    }

    /** Sets the limits from the period's throughput: {@code records} in {@code busyNanos}. */
    private void resize(long busyNanos) {
        // A period idle but for one short call says nothing reliable about the rate: leave the limits.
        if (busyNanos <= 0) {
            return;
        }
        final double desired = (double) records * targetNanos / busyNanos / rings.length;
        // Kept between the floor and the largest capacity, so a burst of speed far above it does not hold the limits
        // up for many periods after the consumer slowed down.
        smoothed = Math.max(floor, Math.min(largestCapacity, smoothed + alpha * (desired - smoothed)));
        for (RecordRing ring : rings) {
            final int capacity = ring.capacity();
            ring.limitCapacity((int) Math.max(Math.min(floor, capacity), Math.min(capacity, Math.round(smoothed))));
        }
    }

    /** The smoothed limit per channel before clamping to each ring's capacity, rounded; for metrics and tests. */
    public long desiredLimit() {
        return Math.round(smoothed);
    }
}
