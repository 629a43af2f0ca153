package dev.weir.engine.exec;

import java.util.concurrent.locks.LockSupport;

/**
 * Backs off when a worker finds no work: spins for about what the shortest park costs, then parks for growing
 * intervals up to a millisecond; resets as soon as work appears. This keeps latency low and CPU use low when idle.
 *
 * <p>The spin phase is measured in time, not in calls: on Linux a park of 1 µs returns after 60-70 µs at the
 * earliest (the kernel's 50 µs timer slack for normal threads, then the wake-up; measured on the bench machine), and
 * two workers that exchange records through each other's rings (a keyed exchange) often wait for each other for a
 * few microseconds only. A worker that parked there would leave its core idle for a whole park and, once its own
 * output ring is full, hold up the other worker too. So a worker spins up to {@value #SPIN_NANOS} ns, but never
 * longer than it had just worked: a job whose records come in a trickle spends at most about as much CPU spinning
 * as working, and a worker that found nothing after its spin parks, so an idle job costs little CPU.
 *
 * <p>No {@code Thread.yield()} phase: a worker often waits for another worker's thread (a job with blocking sinks has
 * more threads than cores), and on a busy machine a yielding thread goes to the back of the run queue behind other
 * processes' threads, where it loses whole time slices; a parked thread is woken on time and gives its core to the
 * thread it waits for meanwhile. Measured with weir-bench's workload 6 (four threads on two cores) under load: two to
 * four times the throughput without the yields, and less CPU per event (docs/benchmarks.md, branch w1).
 */
final class IdleStrategy {
    /** About the shortest park on Linux: 50 µs of timer slack and the wake-up. */
    private static final long SPIN_NANOS = 50_000;
    private static final long MIN_PARK_NANOS = 1_000;
    private static final long MAX_PARK_NANOS = 1_000_000;

    /** Whether the last call found work; the clock is read only when this changes. */
    private boolean working = true;
    /** When the worker last started finding work after an idle spell. */
    private long workingSince = System.nanoTime();
    /** While idle: until when it spins. */
    private long spinUntil;
    private long parkNanos = MIN_PARK_NANOS;

    void idle(int workDone) {
        if (workDone > 0) {
            if (!working) {
                working = true;
                workingSince = System.nanoTime();
            }
            return;
        }
        if (working) {
            working = false;
            long now = System.nanoTime();
            spinUntil = now + Math.min(SPIN_NANOS, now - workingSince);
            parkNanos = MIN_PARK_NANOS;
            Thread.onSpinWait();
        } else if (parkNanos == MIN_PARK_NANOS && System.nanoTime() - spinUntil < 0) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
    }
}
