package dev.weir.testing;

import java.time.Duration;

/**
 * Runs the replays on a thread of their own and fails them when one step takes longer than the progress timeout: an
 * operator stuck in a loop or blocked shows up as an error naming the step and the stack it was stuck at, not as a
 * test that never ends. The timeout only guards against hangs; a slow step that finishes is never a failure.
 */
final class ReplayWatchdog {
    /** The replays, reporting each step they start. */
    interface Replays {
        void run(ReplayRun.Progress progress) throws Exception;
    }

    private final Duration timeout;
    private volatile String where = "the start";
    private volatile long steps;
    private volatile Throwable failure;

    ReplayWatchdog(Duration timeout) {
        this.timeout = timeout;
    }

    void run(Replays replays) throws Exception {
        Thread worker = new Thread(() -> {
            try {
                replays.run(step -> {
                    where = step;
                    steps++;
                });
            } catch (Throwable t) {
                failure = t;
            }
        }, "weir-replay-verifier");
        worker.setDaemon(true);
        worker.start();
        long seen = -1;
        while (worker.isAlive()) {
            seen = steps;
            worker.join(timeout.toMillis());
            if (worker.isAlive() && steps == seen) {
                AssertionError stuck = new AssertionError("No progress for " + timeout.toMillis() + " ms at " + where + ": the "
                        + "operator did not return; its thread was stuck where the stack trace of this error's cause shows");
                Throwable at = new Throwable("the operator's thread");
                at.setStackTrace(worker.getStackTrace());
                stuck.initCause(at);
                worker.interrupt();
                throw stuck;
            }
        }
        Throwable t = failure;
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
