package dev.weir.engine.exec;

import java.util.concurrent.locks.LockSupport;

/**
 * Backs off when a worker finds no work: spins briefly, then parks for growing intervals up to a millisecond; resets
 * as soon as work appears. This keeps latency low and CPU use low when idle.
 *
 * <p>No {@code Thread.yield()} phase: a worker often waits for another worker's thread (a job with blocking sinks has
 * more threads than cores), and on a busy machine a yielding thread goes to the back of the run queue behind other
 * processes' threads, where it loses whole time slices; a parked thread is woken on time and gives its core to the
 * thread it waits for meanwhile. Measured with weir-bench's workload 6 (four threads on two cores) under load: two to
 * four times the throughput without the yields, and less CPU per event (docs/benchmarks.md, branch w1).
 */
final class IdleStrategy {
    private static final int SPINS = 50;
    private static final long MIN_PARK_NANOS = 1_000;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private int idleCalls;
    private long parkNanos = MIN_PARK_NANOS;

    void idle(int workDone) {
        if (workDone > 0) {
            idleCalls = 0;
            parkNanos = MIN_PARK_NANOS;
            return;
        }
        idleCalls++;
        if (idleCalls <= SPINS) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
    }
}
