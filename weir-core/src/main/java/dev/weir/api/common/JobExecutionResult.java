package dev.weir.api.common;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What a finished job reports: its id, how long it ran and the merged values of its accumulators. */
public final class JobExecutionResult {
    private final JobID jobId;
    private final long netRuntimeMillis;
    private final Map<String, Object> accumulators;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Object> accumulators) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
        this.accumulators = Map.copyOf(accumulators);
    }

    public JobID getJobID() {
        return jobId;
    }

    /** The job's run time in milliseconds. */
    public long getNetRuntime() {
        return netRuntimeMillis;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntimeMillis, TimeUnit.MILLISECONDS);
    }

    /** The merged value of an accumulator, or null when the job registered none under that name. */
    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String name) {
        return (T) accumulators.get(name);
    }

    public Map<String, Object> getAllAccumulatorResults() {
        return accumulators;
    }

    @Override
    public String toString() {
        return "JobExecutionResult{jobId=" + jobId + ", netRuntime=" + netRuntimeMillis + " ms, accumulators=" + accumulators + "}";
    }
}
