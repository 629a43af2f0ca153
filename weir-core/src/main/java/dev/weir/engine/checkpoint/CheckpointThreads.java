package dev.weir.engine.checkpoint;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The checkpoint coordinator's two threads, created on first use: a job without checkpoints (most short jobs) never
 * triggers one, and creating the executors up front loaded about twenty JDK classes on every job start. Once shut
 * down, both refuse work as shut-down executors do, whether or not they had been created.
 */
final class CheckpointThreads {
    private final String jobName;
    /** The job's user-code class loader, the context loader of both threads (the I/O thread serializes state). */
    private final ClassLoader userClassLoader;
    private ScheduledThreadPoolExecutor timer;
    private ExecutorService io;
    private boolean shutdown;

    CheckpointThreads(String jobName, ClassLoader userClassLoader) {
        this.jobName = jobName;
        this.userClassLoader = userClassLoader;
    }

    /** The timer of periodic triggers and expiries. */
    synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "weir-" + jobName + "-checkpoint-timer"));
            // A checkpoint that ends cancels its expiry; removed at once, the timer's queue holds only open checkpoints'
            // expiries instead of one per checkpoint of the last timeout (6,000 at 100 ms and the default 10 minutes).
            timer.setRemoveOnCancelPolicy(true);
            if (shutdown) {
                timer.shutdownNow();
            }
        }
        return timer;
    }

    /** The thread that writes acknowledged snapshots. */
    synchronized ExecutorService io() {
        if (io == null) {
            io = Executors.newSingleThreadExecutor(r -> daemon(r, "weir-" + jobName + "-checkpoint-io"));
            if (shutdown) {
                io.shutdown();
            }
        }
        return io;
    }

    /** How many tasks the timer holds that do not repeat (0 when it was never created). */
    synchronized int oneShotTasks() {
        if (timer == null) {
            return 0;
        }
        int count = 0;
        for (Runnable task : timer.getQueue()) {
            if (!((RunnableScheduledFuture<?>) task).isPeriodic()) {
                count++;
            }
        }
        return count;
    }

    /** Stops the timer at once and lets the I/O thread finish its writes, waiting up to 10 s for them. */
    void shutdown() {
        ExecutorService writes;
        synchronized (this) {
            shutdown = true;
            if (timer != null) {
                timer.shutdownNow();
            }
            writes = io;
        }
        if (writes != null) {
            writes.shutdown();
            try {
                writes.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setContextClassLoader(userClassLoader);
        return t;
    }
}
