package dev.weir.engine.exec;

import dev.weir.core.execution.JobClient;
import dev.weir.runtime.client.JobExecutionException;
import dev.weir.api.common.JobExecutionResult;
import dev.weir.api.common.JobID;
import dev.weir.api.common.JobStatus;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.engine.checkpoint.CheckpointCoordinator;
import dev.weir.engine.checkpoint.CheckpointOptions;
import dev.weir.engine.checkpoint.RestoredJob;
import dev.weir.engine.checkpoint.StoredRestore;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.graph.StreamGraph;
import dev.weir.engine.status.JobMonitor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A job from start to end: runs attempts, and when one fails restores the latest completed checkpoint and starts the
 * next, as its restart policy allows. Jobs share nothing, so several can run side by side in one JVM.
 */
public final class JobExecution implements JobClient {
    private static final System.Logger LOG = new dev.weir.engine.status.OnDemandLogger(JobExecution.class.getName());
    private final JobID jobId = JobID.generate();
    private final String jobName;
    /** Null once the job ended: the graph holds the user's functions, and at parallelism 1 their state handles. */
    private volatile StreamGraph graph;
    private final RuntimeSettings settings;
    private final long autoWatermarkInterval;
    private final CheckpointOptions checkpointOptions;
    private final RestartPolicy restartPolicy;
    private final CheckpointStorage storage;
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private volatile JobStatus status = JobStatus.CREATED;
    private volatile Attempt current;
    private volatile boolean cancelled;
    private volatile boolean stoppedWithSavepoint;
    private volatile long stopSavepointId;
    private JobAccumulators accumulators;
    private final JobMonitor monitor;
    /**
     * Flink's user-code class loader: the context class loader of the thread that submitted the job ({@code weir run}
     * sets it to the job jar's). Every thread of the job runs with it, so that functions copied per subtask, state
     * and checkpoints resolve the job's classes (lambdas, anonymous and inner classes of a jar Weir does not see).
     */
    private final ClassLoader userClassLoader = userClassLoaderOfCaller();

    JobExecution(String jobName, StreamGraph graph, RuntimeSettings settings, long autoWatermarkInterval,
                 CheckpointOptions checkpointOptions, RestartPolicy restartPolicy) {
        this.jobName = jobName;
        this.graph = graph;
        this.settings = settings;
        this.autoWatermarkInterval = autoWatermarkInterval;
        this.checkpointOptions = checkpointOptions;
        this.restartPolicy = restartPolicy;
        this.storage = CheckpointStorage.open(checkpointOptions.directory(), jobName + "-" + jobId, checkpointOptions.storageSettings());
        // Classes, not lambdas, on the start path (here and in startAttempt): linking a lambda costs about a millisecond
        // in a JVM's first job.
        this.monitor = new JobMonitor(jobId.toString(), jobName, graph, this, new java.util.function.Supplier<JobStatus>() {
            @Override
            public JobStatus get() {
                return status;
            }
        }, new JobMonitor.SavepointStop() {
            @Override
            public CompletableFuture<String> stop(boolean advanceToEndOfEventTime, String savepointDirectory) {
                return stopWithSavepointWritten(advanceToEndOfEventTime, savepointDirectory);
            }
        });
    }

    private static ClassLoader userClassLoaderOfCaller() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : JobExecution.class.getClassLoader();
    }

    /** What the dashboard and the REST API read of this job. */
    JobMonitor monitor() {
        return monitor;
    }

    /** Builds the first attempt (restoring the configured savepoint, if any) and starts it; fails fast on bad state. */
    void start() {
        RestoredJob restore = null;
        if (checkpointOptions.restorePath() != null) {
            restore = StoredRestore.load(storage.load(checkpointOptions.restorePath()));
            StoredRestore.checkAllStateClaimed(restore, graph, checkpointOptions.allowNonRestoredState(), TaskWiring::operatorId);
        }
        startAttempt(0, restore);
    }

    private void startAttempt(int number, RestoredJob restore) {
        long firstId = restore == null ? 1 : restore.checkpointId() + 1;
        if (current != null) {
            firstId = Math.max(firstId, current.coordinator().nextCheckpointId());
        }
        Attempt[] self = new Attempt[1];
        accumulators = new JobAccumulators();
        CheckpointCoordinator coordinator = new CheckpointCoordinator(jobName, checkpointOptions, storage, firstId,
                new java.util.ArrayList<>(), new java.util.ArrayList<>(), new java.util.function.Consumer<Throwable>() {
                    @Override
                    public void accept(Throwable t) {
                        self[0].fail(null, t);
                    }
                });
        TaskWiring.Wiring wiring = TaskWiring.build(graph, settings, autoWatermarkInterval, accumulators,
                new TaskWiring.AttemptSettings(number, checkpointOptions.enabled(),
                        checkpointOptions.mode() == CheckpointingMode.EXACTLY_ONCE, restore, coordinator, monitor));
        coordinator.setHistory(monitor.checkpointHistory());
        if (restore != null) {
            monitor.checkpointHistory().restored(System.currentTimeMillis());
        }
        coordinator.setParticipants(wiring.participants(), wiring.sources());
        Attempt attempt = new Attempt(number, jobName, wiring, coordinator, new java.util.function.Consumer<Attempt>() {
            @Override
            public void accept(Attempt ended) {
                attemptEnded(ended);
            }
        }, userClassLoader);
        self[0] = attempt;
        current = attempt;
        status = JobStatus.RUNNING;
        attempt.start(settings.workerThreads(), checkpointOptions.enabled());
    }

    /**
     * Called on the attempt's last thread. Deciding allocates (messages, the dashboard's record of the failure); when
     * that fails too (an {@link OutOfMemoryError} while the heap is full), the job still ends, failed, with the cause
     * it has: whoever waits for its result must never wait forever.
     */
    private void attemptEnded(Attempt attempt) {
        try {
            decideAfter(attempt);
        } catch (Throwable t) {
            Throwable failed = attempt.failure();
            finish(JobStatus.FAILED, failed != null ? failed : t);
        }
    }

    private void decideAfter(Attempt attempt) {
        Throwable failed = attempt.failure();
        try {
            if (failed != null) {
                monitor.failed(attempt.number(), failed);
            }
            for (Throwable closeFailure : attempt.closeFailures()) {
                monitor.failed(attempt.number(), closeFailure);
            }
        } catch (Throwable noRoom) {
            // The dashboard's record only: the job's outcome below does not depend on it.
        }
        if (failed == null) {
            if (cancelled && !stoppedWithSavepoint) {
                finish(JobStatus.CANCELED, null);
                return;
            }
            try {
                for (Chain chain : attempt.wiring().chains()) {
                    if (stoppedWithSavepoint) {
                        // Commit up to the savepoint only: output after it is produced again by a job restored from it.
                        chain.notifyCheckpointComplete(stopSavepointId);
                    } else {
                        chain.notifyJobFinished();
                    }
                }
            } catch (Throwable t) {
                finish(JobStatus.FAILED, t);
                return;
            }
            finish(JobStatus.FINISHED, null);
            return;
        }
        if (cancelled) {
            finish(JobStatus.CANCELED, null);
            return;
        }
        long delay = restartPolicy.onFailure(System.currentTimeMillis());
        if (delay < 0) {
            finish(JobStatus.FAILED, failed);
            return;
        }
        status = JobStatus.RESTARTING;
        LOG.log(System.Logger.Level.WARNING, "Job ''{0}'' failed (attempt {1}), restarting in {2} ms: {3}", jobName, attempt.number(),
                delay, failed.getMessage());
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
            // A pool thread: restoring state and copying functions need the job's classes, so its class loader.
            ClassLoader poolLoader = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(userClassLoader);
            try {
                RestoredJob restore = storage.latest().map(StoredRestore::load).orElse(null);
                if (restore == null && checkpointOptions.restorePath() != null) {
                    restore = StoredRestore.load(storage.load(checkpointOptions.restorePath()));
                }
                if (cancelled) {
                    finish(JobStatus.CANCELED, null);
                    return;
                }
                startAttempt(attempt.number() + 1, restore);
            } catch (Throwable t) {
                t.addSuppressed(failed);
                finish(JobStatus.FAILED, t);
            } finally {
                Thread.currentThread().setContextClassLoader(poolLoader);
            }
        });
    }

    /**
     * Ends the job: its result completes whatever else fails on the way, and the last attempt is let go, so that a
     * finished job kept on the dashboard holds none of its tasks' state.
     */
    private void finish(JobStatus end, Throwable failed) {
        long runtimeMillis = (System.nanoTime() - startNanos) / 1_000_000;
        status = end;
        current = null;
        graph = null;
        try {
            monitor.ended();
            discardCheckpointsUnlessRetained(end);
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "Job ''{0}'' ended {1}, but recording its end failed: {2}", jobName, end, t);
        }
        try {
            switch (end) {
                case FAILED -> {
                    Throwable cause = failed instanceof dev.weir.engine.operators.OperatorFailure && failed.getCause() != null ? failed.getCause() : failed;
                    result.completeExceptionally(new JobExecutionException(jobId, "Job '" + jobName + "' failed: " + failed.getMessage(), cause));
                }
                case CANCELED -> result.completeExceptionally(new JobExecutionException(jobId, "Job '" + jobName + "' was cancelled", null));
                default -> result.complete(new JobExecutionResult(jobId, runtimeMillis, accumulators.results()));
            }
        } catch (Throwable noRoom) {
            // No room for the result's message: end with the cause itself rather than never.
            result.completeExceptionally(failed != null ? failed : noRoom);
        }
        terminated.complete(null);
    }

    /**
     * Flink's retention on termination: checkpoints are deleted when the job ends unless externalized —
     * RETAIN_ON_CANCELLATION keeps them when the job is cancelled or fails, DELETE_ON_CANCELLATION only when it fails.
     * A killed process deletes nothing, so its checkpoints are there to restore from.
     */
    private void discardCheckpointsUnlessRetained(JobStatus end) {
        boolean keep = switch (checkpointOptions.retention()) {
            case RETAIN_ON_CANCELLATION -> end != JobStatus.FINISHED;
            case DELETE_ON_CANCELLATION -> end == JobStatus.FAILED;
            case NO_EXTERNALIZED_CHECKPOINTS -> false;
        };
        if (!keep) {
            try {
                storage.discard();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not delete the checkpoints of job ''{0}'' in {1}: {2}", jobName,
                        storage.jobDirectory(), e);
            }
        }
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    public String getJobName() {
        return jobName;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return CompletableFuture.completedFuture(status);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        if (!status.isGloballyTerminalState()) {
            cancelled = true;
            status = JobStatus.CANCELLING;
            Attempt a = current;
            if (a != null) {
                a.stop();
            }
        }
        return terminated;
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
        Attempt a = current;
        if (a == null || status != JobStatus.RUNNING) {
            return CompletableFuture.failedFuture(new IllegalStateException("Job '" + jobName + "' is " + status + ", not RUNNING: no savepoint taken"));
        }
        return a.coordinator().trigger(savepointDirectory == null ? "weir-savepoints" : savepointDirectory);
    }

    /**
     * Flink's semantics: the future completes with the savepoint's path once the job has ended. Waiting for the end
     * is chained, never blocking: the savepoint completes on the coordinator's I/O thread, which the job's end shuts
     * down (blocking it there held every stop for the shutdown's 10 s timeout).
     */
    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
        return stopWithSavepointWritten(advanceToEndOfEventTime, savepointDirectory).thenCompose(path -> terminated.thenApply(v -> path));
    }

    /**
     * Stops the job with a savepoint; the future completes with its path as soon as it is written and the job told to
     * stop, before the job has ended (the REST API answers then, so that {@code weir stop} hears it before a
     * {@code weir run} whose job ended shuts its server down).
     */
    CompletableFuture<String> stopWithSavepointWritten(boolean advanceToEndOfEventTime, String savepointDirectory) {
        Attempt a = current;
        if (a == null || status != JobStatus.RUNNING) {
            return CompletableFuture.failedFuture(new IllegalStateException("Job '" + jobName + "' is " + status + ", not RUNNING: not stopped"));
        }
        if (advanceToEndOfEventTime) {
            a.coordinator().drainSources();
        }
        // Not joined here: this runs on the checkpoint I/O thread, which the stopping job waits to shut down.
        return triggerSavepoint(savepointDirectory).thenApply(path -> {
            stopSavepointId = storage.load(path).metadata().checkpointId();
            stoppedWithSavepoint = true;
            cancelled = true;
            a.stop();
            return path;
        });
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return result;
    }
}
