package dev.weir.engine.exec;

import dev.weir.engine.checkpoint.CheckpointCoordinator;
import dev.weir.engine.operators.OperatorFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One run of a job's tasks: its worker threads and its checkpoint coordinator. The first failure stops every worker;
 * each worker closes its own tasks; when the last one exits the job decides what comes next (finish, fail, restart).
 */
final class Attempt {
    private static final System.Logger LOG = new dev.weir.engine.status.OnDemandLogger(Attempt.class.getName());
    private final int number;
    private final String jobName;
    private final TaskWiring.Wiring wiring;
    private final CheckpointCoordinator coordinator;
    private final Consumer<Attempt> onEnd;
    private final ClassLoader userClassLoader;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** The task whose failure is {@link #failure}, or null; written by the thread that recorded it, before it stops. */
    private volatile Tasklet failedTasklet;
    private volatile boolean failedInClose;
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private final List<Throwable> closeFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** A class, not a lambda, on the start path: linking a lambda costs class loading in a JVM's first job. */
    private final Thread.UncaughtExceptionHandler failOnUncaught = new Thread.UncaughtExceptionHandler() {
        @Override
        public void uncaughtException(Thread dead, Throwable t) {
            fail(null, t);
        }
    };
    private volatile boolean stopping;
    /** How often the last worker, waiting for the final checkpoint, looks whether the attempt failed meanwhile. */
    private static final long FINAL_CHECKPOINT_POLL_MILLIS = 20;
    private boolean checkpointing;

    Attempt(int number, String jobName, TaskWiring.Wiring wiring, CheckpointCoordinator coordinator, Consumer<Attempt> onEnd,
            ClassLoader userClassLoader) {
        this.userClassLoader = userClassLoader;
        this.number = number;
        this.jobName = jobName;
        this.wiring = wiring;
        this.coordinator = coordinator;
        this.onEnd = onEnd;
    }

    /** Starts the workers: cooperative tasklets share {@code workerThreads} threads, the others get one each. */
    void start(int workerThreads, boolean periodicCheckpoints) {
        List<Tasklet> cooperative = new ArrayList<>();
        List<List<Tasklet>> groups = new ArrayList<>();
        for (Tasklet t : wiring.tasklets()) {
            if (t.isCooperative()) {
                cooperative.add(t);
            } else {
                groups.add(List.of(t));
            }
        }
        int shared = Math.min(workerThreads, cooperative.size());
        for (int i = 0; i < shared; i++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < cooperative.size(); i++) {
            groups.get(groups.size() - shared + i % shared).add(cooperative.get(i));
        }
        liveWorkers.set(groups.size());
        // Set before any worker starts (Thread.start publishes it): the last worker to exit reads it to take the
        // final checkpoint, and a short job's workers could all exit before an assignment after the loop.
        checkpointing = periodicCheckpoints;
        for (int i = 0; i < groups.size(); i++) {
            Thread thread = new Thread(new Worker(this, groups.get(i)), "weir-" + jobName + "-worker-" + i);
            thread.setDaemon(true);
            thread.setContextClassLoader(userClassLoader);
            // The last resort: the JDK's default handler only prints (and needs memory to), the job would go on waiting.
            thread.setUncaughtExceptionHandler(failOnUncaught);
            thread.start();
        }
        if (periodicCheckpoints) {
            coordinator.start();
        }
    }

    int number() {
        return number;
    }

    CheckpointCoordinator coordinator() {
        return coordinator;
    }

    TaskWiring.Wiring wiring() {
        return wiring;
    }

    boolean isStopping() {
        return stopping;
    }

    /** Stops the workers without a failure (cancellation, stop with savepoint). */
    void stop() {
        stopping = true;
    }

    /**
     * The first failure, naming the task it came from. The name is put together here, when the attempt has ended,
     * rather than in {@link #fail}: there, an {@link OutOfMemoryError} may leave no room for a message, and a failure
     * that cannot be recorded would leave the job running (or waiting) forever.
     */
    Throwable failure() {
        Throwable t = failure.get();
        if (t == null || t instanceof OperatorFailure) {
            return t;
        }
        try {
            Tasklet tasklet = failedTasklet;
            return new OperatorFailure(tasklet == null ? "Job '" + jobName + "'" : tasklet.name(), failedInClose ? "in close()" : "", t);
        } catch (Throwable noRoom) {
            return t;
        }
    }

    /**
     * Fails the attempt with {@code t} (the first failure wins) and stops its workers. Allocates nothing, so that it
     * works when the heap is full; any thread may call it, with {@code tasklet} null when no task failed.
     */
    void fail(Tasklet tasklet, Throwable t) {
        if (failure.compareAndSet(null, t)) {
            failedTasklet = tasklet;
            stopping = true;
            coordinator.attemptFailed();
        }
    }

    /**
     * A tasklet failed in close(). On a normal end that fails the job, as Flink fails the task (a sink that could not
     * flush its last rows lost them); after a cancellation or another failure, the outcome is decided already, so it
     * is logged and kept for the job's exceptions ({@link #closeFailures()}).
     */
    void closeFailed(Tasklet tasklet, Throwable t) {
        if (!stopping && failure.compareAndSet(null, t)) {
            failedInClose = true;
            failedTasklet = tasklet;
            stopping = true;
            return;
        }
        try {
            Throwable located = t instanceof OperatorFailure ? t : new OperatorFailure(tasklet.name(), "in close()", t);
            LOG.log(System.Logger.Level.WARNING, "Job '" + jobName + "' (attempt " + number + "): " + located.getMessage(), located);
            closeFailures.add(located);
        } catch (Throwable noRoom) {
            // The outcome is decided already; with no room left to describe this one, it is lost rather than hang the worker.
        }
    }

    /** The close() failures that came after the attempt's outcome was decided (cancelled, or failed before). */
    List<Throwable> closeFailures() {
        return List.copyOf(closeFailures);
    }

    /**
     * A worker thread ended; the last one ends the attempt. Each step is guarded, so that whatever one of them throws
     * (an {@link OutOfMemoryError} included) fails the attempt and the job still hears of its end.
     */
    void workerExited() {
        if (liveWorkers.decrementAndGet() != 0) {
            return;
        }
        try {
            if (checkpointing && !stopping) {
                takeFinalCheckpoint();
            }
        } catch (Throwable t) {
            fail(null, t);
        }
        try {
            coordinator.shutdown();
        } catch (Throwable t) {
            fail(null, t);
        }
        for (SourceCoordinator<?, ?> source : wiring.sourceCoordinators()) {
            try {
                source.close();
            } catch (Throwable t) {
                fail(null, t);
            }
        }
        onEnd.accept(this);
    }

    /**
     * Every task finished: one more checkpoint, of their final states, before the job's end commits what the sinks
     * prepared at the end of the input (as Flink's final checkpoint). Committed without it, that output would be in
     * no checkpoint: a process killed during those commits would restore an earlier checkpoint, produce the output
     * again and commit it a second time next to what was committed before the kill.
     */
    private void takeFinalCheckpoint() {
        try {
            java.util.concurrent.CompletableFuture<String> result = coordinator.triggerFinal();
            // A failure while it is open (a finished task's operator throwing when an earlier checkpoint completes, on
            // the coordinator's thread) means it never completes: the coordinator completes nothing after a failure
            // and aborts what is open only at shutdown(), which comes after this. The attempt then ends with the
            // failure, rather than wait here until the checkpoint times out.
            while (!stopping) {
                try {
                    result.get(FINAL_CHECKPOINT_POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                    return;
                } catch (java.util.concurrent.TimeoutException stillOpen) {
                    // Look at stopping again.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(null, e);
        } catch (Exception e) {
            fail(null, new IllegalStateException("the final checkpoint, taken after every task finished, failed: " + e.getMessage(), e));
        }
    }
}
