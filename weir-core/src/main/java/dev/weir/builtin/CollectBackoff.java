package dev.weir.builtin;

/**
 * How a {@link CollectSink} side that found nothing to do (a consumer on empty rings, a writer on a full one) waits
 * before it parks: it spins, then yields, so that a peer only a few elements behind is met without a wake-up. Both
 * sides count their idle looks in a local {@code int} and ask here what to do next: nothing is allocated per wait.
 */
final class CollectBackoff {
    /** Idle looks spent spinning, then yielding, before a side parks. */
    private static final int SPINS = 100;
    private static final int YIELDS = 10;

    private CollectBackoff() {
    }

    /**
     * Spins or yields for the side's {@code idleLooks}-th idle look in a row (counted from 0), and returns
     * {@code true}; returns {@code false} without waiting once the side has spun and yielded enough and should park.
     */
    static boolean spinOrYield(int idleLooks) {
        if (idleLooks < SPINS) {
            Thread.onSpinWait();
            return true;
        }
        if (idleLooks < SPINS + YIELDS) {
            Thread.yield();
            return true;
        }
        return false;
    }
}
