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
        /** Shared: it has no stack trace and no suppressed list, and throwing it must not allocate when the heap is full. */
        static final JobStopping INSTANCE = new JobStopping();

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
        try {
            runTasklets();
        } catch (JobStopping stopping) {
            // A producer waited for room while the job stopped, or a task failed (the job knows): unwind and close.
        } catch (Throwable t) {
            // Thrown outside a tasklet's call, or by the failure path itself (an OutOfMemoryError again): still the
            // job's failure, never the end of this thread alone, which would leave the job waiting for it forever.
            job.fail(null, t);
        } finally {
            ProducerYield.install(null);
            closeTasklets();
            job.workerExited();
        }
    }

    private void runTasklets() {
        active = tasklets.toArray(new Tasklet[0]);
        inCall = new boolean[active.length];
        ProducerYield.install(this);
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
    }

    /** Closes every tasklet of this worker, each whatever the others threw, and hands their failures to the job. */
    private void closeTasklets() {
        for (Tasklet t : tasklets) {
            Throwable failure;
            try {
                failure = t.close();
            } catch (Throwable e) {
                failure = e;
            }
            if (failure != null) {
                job.closeFailed(t, failure);
            }
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
            throw JobStopping.INSTANCE;
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
            throw JobStopping.INSTANCE;
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
