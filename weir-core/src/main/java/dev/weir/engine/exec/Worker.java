package dev.weir.engine.exec;

import dev.weir.engine.exchange.ProducerYield;
import java.util.ArrayList;
import java.util.List;

/**
 * A thread's loop over its tasklets (Agrona's agent runner, in small): call each one, back off when none made
 * progress, stop when all are done or the job stops. The first failure stops the job; every tasklet is closed on
 * this thread before the worker exits, and a failure in close() is never dropped (see {@link Attempt#closeFailed}).
 *
 * <p>A tasklet that cannot return (it emits far more within one call than its output channel holds) waits through
 * {@link #awaitRoom()}: the worker then runs its other tasklets once — the consumer among them when it shares this
 * thread — so the output drains and the producer resumes, with bounded memory. A tasklet is never called while a
 * call of it is in progress.
 */
final class Worker implements Runnable, ProducerYield {
    private final Attempt job;
    private final List<Tasklet> tasklets;
    private final IdleStrategy idleStrategy = new IdleStrategy();
    private Tasklet[] active;
    private boolean[] inCall;
    private int remaining;

    /** Unwinds a producer waiting for room once its job stops (cancel, stop, another task's failure); not a failure. */
    private static final class JobStopping extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobStopping() {
            super("the job is stopping", null, false, false);
        }
    }

    Worker(Attempt job, List<Tasklet> tasklets) {
        this.job = job;
        this.tasklets = new ArrayList<>(tasklets);
    }

    @Override
    public void run() {
        active = tasklets.toArray(new Tasklet[0]);
        inCall = new boolean[active.length];
        ProducerYield.install(this);
        try {
            for (Tasklet t : active) {
                try {
                    t.init();
                } catch (Throwable e) {
                    job.fail(t, e);
                    return;
                }
            }
            remaining = active.length;
            while (remaining > 0 && !job.isStopping()) {
                int work = 0;
                for (int i = 0; i < active.length; i++) {
                    if (active[i] != null) {
                        work += callOnce(i);
                    }
                }
                idleStrategy.idle(work);
            }
        } catch (JobStopping stopping) {
            // A producer waited for room while the job stopped, or a task failed (the job knows): unwind and close.
        } finally {
            ProducerYield.install(null);
            for (Tasklet t : tasklets) {
                Throwable failure = t.close();
                if (failure != null) {
                    job.closeFailed(t, failure);
                }
            }
            job.workerExited();
        }
    }

    /** Calls tasklet {@code i} once; a failure fails the job and unwinds this worker's loop (and any producer waiting in it). */
    private int callOnce(int i) {
        Tasklet t = active[i];
        inCall[i] = true;
        try {
            int work = t.call();
            if (t.isDone()) {
                active[i] = null;
                remaining--;
            }
            return work;
        } catch (Throwable e) {
            if (!isStopping(e)) {
                job.fail(t, e);
            }
            throw new JobStopping();
        } finally {
            inCall[i] = false;
        }
    }

    /** Whether {@code e} is (or wraps, as operators wrap what a record's processing threw) the unwinding of a waiting producer. */
    private static boolean isStopping(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof JobStopping) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void awaitRoom() {
        if (job.isStopping()) {
            throw new JobStopping();
        }
        int work = 0;
        for (int i = 0; i < active.length; i++) {
            if (active[i] != null && !inCall[i]) {
                work += callOnce(i);
            }
        }
        idleStrategy.idle(work);
    }
}
