package dev.weir.engine.exec;

import java.util.concurrent.locks.LockSupport;

/**
 * Backs off when a worker finds no work: spins, then yields, then parks for growing intervals up to a millisecond;
 * resets as soon as work appears. This keeps latency low under load and CPU use low when idle.
 */
final class IdleStrategy {
    private static final int SPINS = 50;
    private static final int YIELDS = 50;
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
        } else if (idleCalls <= SPINS + YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
        }
    }
}
