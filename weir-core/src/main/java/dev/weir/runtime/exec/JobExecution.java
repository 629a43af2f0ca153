package dev.weir.runtime.exec;

import dev.weir.api.JobClient;
import dev.weir.api.JobExecutionException;
import dev.weir.api.JobExecutionResult;
import dev.weir.api.JobID;
import dev.weir.api.JobStatus;
import dev.weir.runtime.operators.OperatorFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a job: its worker threads, its status and its result. The first failure stops every worker; each
 * worker closes its own tasks; when the last worker exits the result is completed. Jobs share nothing, so several
 * can run side by side in one JVM.
 */
public final class JobExecution implements JobClient {
    private final JobID jobId = JobID.generate();
    private final String jobName;
    private final JobAccumulators accumulators;
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private volatile JobStatus status = JobStatus.CREATED;
    private volatile boolean stopping;
    private volatile boolean cancelled;
    private long startNanos;

    JobExecution(String jobName, JobAccumulators accumulators) {
        this.jobName = jobName;
        this.accumulators = accumulators;
    }

    /** Starts the workers: cooperative tasklets share {@code workerThreads} threads, the others get one each. */
    void start(List<Tasklet> tasklets, int workerThreads) {
        List<Tasklet> cooperative = new ArrayList<>();
        List<List<Tasklet>> groups = new ArrayList<>();
        for (Tasklet t : tasklets) {
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
        startNanos = System.nanoTime();
        status = JobStatus.RUNNING;
        for (int i = 0; i < groups.size(); i++) {
            Thread thread = new Thread(new Worker(this, groups.get(i)), "weir-" + jobName + "-worker-" + i);
            thread.setDaemon(true);
            thread.start();
        }
    }

    boolean isStopping() {
        return stopping;
    }

    void fail(Tasklet tasklet, Throwable t) {
        Throwable located = t instanceof OperatorFailure ? t : new OperatorFailure(tasklet.name(), "", t);
        if (failure.compareAndSet(null, located)) {
            status = JobStatus.FAILING;
            stopping = true;
        }
    }

    void workerExited() {
        if (liveWorkers.decrementAndGet() == 0) {
            finish();
        }
    }

    private void finish() {
        long runtimeMillis = (System.nanoTime() - startNanos) / 1_000_000;
        Throwable failed = failure.get();
        if (failed != null) {
            status = JobStatus.FAILED;
            Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
            result.completeExceptionally(new JobExecutionException(jobId, "Job '" + jobName + "' failed: " + failed.getMessage(), cause));
        } else if (cancelled) {
            status = JobStatus.CANCELED;
            result.completeExceptionally(new JobExecutionException(jobId, "Job '" + jobName + "' was cancelled", null));
        } else {
            status = JobStatus.FINISHED;
            result.complete(new JobExecutionResult(jobId, runtimeMillis, accumulators.results()));
        }
        terminated.complete(null);
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
        if (!status.isGloballyTerminalState() && failure.get() == null) {
            cancelled = true;
            status = JobStatus.CANCELLING;
            stopping = true;
        }
        return terminated;
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return result;
    }
}
