package dev.weir.engine.exchange;

/**
 * What a producer does while its channel's overflow is full and it cannot return to its caller (a flatMap that turns
 * one record into millions, a window firing for every key, in one call): the thread's worker runs its other tasks
 * once, the consumer among them when it shares the thread, then backs off; a task on a thread of its own just backs
 * off. Installed per thread by the thread's worker; without one, the producer yields the thread.
 */
public interface ProducerYield {
    /** Lets the consumers of a full channel make progress; throws to unwind the producer when its job is stopping. */
    void awaitRoom();

    /** The calling thread's hook, or null. */
    static ProducerYield current() {
        return Holder.CURRENT.get();
    }

    /** Installs {@code hook} for the calling thread (null removes it). */
    static void install(ProducerYield hook) {
        if (hook == null) {
            Holder.CURRENT.remove();
        } else {
            Holder.CURRENT.set(hook);
        }
    }

    /** The per-thread hook, apart from the interface's contract. */
    final class Holder {
        private static final ThreadLocal<ProducerYield> CURRENT = new ThreadLocal<>();

        private Holder() {
        }
    }
}
