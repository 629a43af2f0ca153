package dev.weir.engine.exchange;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes a parked worker thread when a ring it waits on changes: the producer of a ring rings its consumer's doorbell
 * when it publishes a full ring (or an end of input or a barrier), the consumer rings its producer's when it frees
 * slots of a ring that was full.
 *
 * <p>Without it a worker that found no work parked for a timed interval (doubling up to a millisecond) and slept on
 * after the ring it waited on had filled or emptied; on two cores the two workers of a keyed job wait on each other's
 * rings, so one late wake-up left the other worker waiting too (workload 6: a fifth to a third of each worker's wall
 * time parked, docs/benchmarks.md, branch w3). Only those moments ring: a bell at every publish woke the consumer for a
 * few records at a time, which cost more CPU than it saved. The timed park stays as the fallback for everything else
 * (a ring that filled only partly, timers, sources with nothing available, a ring whose limit grew).
 *
 * <p>The waiter {@linkplain #announce() announces} itself, looks for work once more and only then parks; the ringer
 * makes its change visible before it {@linkplain #ring() rings}. Each side orders its write before its read with a
 * full fence, so at least one of them sees the other: either the waiter's last look finds the change, or the ringer
 * finds the waiter.
 */
public final class Doorbell {
    /** The worker thread between its announcement and the end of its park, else null. */
    private volatile Thread waiting;

    /** Says that the calling thread is about to park; it then looks for work once more before it parks. */
    public void announce() {
        waiting = Thread.currentThread();
        VarHandle.fullFence();
    }

    /** Says that the calling thread no longer waits (it found work, or woke up). */
    public void clear() {
        waiting = null;
    }

    /** Wakes the thread waiting at this doorbell, if any; called after a change to a ring was made visible. */
    public void ring() {
        VarHandle.fullFence();
        Thread waiter = waiting;
        if (waiter != null) {
            LockSupport.unpark(waiter);
        }
    }
}
