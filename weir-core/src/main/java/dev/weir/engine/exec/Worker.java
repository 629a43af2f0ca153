package dev.weir.engine.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread's loop over its tasklets (Agrona's agent runner, in small): call each one, back off when none made
 * progress, stop when all are done or the job stops. The first failure stops the job; every tasklet is closed on
 * this thread before the worker exits, and a failure in close() is never dropped (see {@link Attempt#closeFailed}).
 */
final class Worker implements Runnable {
    private final Attempt job;
    private final List<Tasklet> tasklets;
    private final IdleStrategy idleStrategy = new IdleStrategy();

    Worker(Attempt job, List<Tasklet> tasklets) {
        this.job = job;
        this.tasklets = new ArrayList<>(tasklets);
    }

    @Override
    public void run() {
        Tasklet[] active = tasklets.toArray(new Tasklet[0]);
        try {
            for (Tasklet t : active) {
                try {
                    t.init();
                } catch (Throwable e) {
                    job.fail(t, e);
                    return;
                }
            }
            int remaining = active.length;
            while (remaining > 0 && !job.isStopping()) {
                int work = 0;
                for (int i = 0; i < active.length; i++) {
                    Tasklet t = active[i];
                    if (t == null) {
                        continue;
                    }
                    try {
                        work += t.call();
                        if (t.isDone()) {
                            active[i] = null;
                            remaining--;
                        }
                    } catch (Throwable e) {
                        job.fail(t, e);
                        return;
                    }
                }
                idleStrategy.idle(work);
            }
        } finally {
            for (Tasklet t : tasklets) {
                Throwable failure = t.close();
                if (failure != null) {
                    job.closeFailed(t, failure);
                }
            }
            job.workerExited();
        }
    }
}
