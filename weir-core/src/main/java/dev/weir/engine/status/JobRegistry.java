package dev.weir.engine.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs of this JVM, running and recently ended, in start order. The executor registers each job; readers list
 * them. Ended jobs beyond the latest {@value #KEPT_ENDED} are forgotten.
 */
public final class JobRegistry {
    static final int KEPT_ENDED = 50;
    private static final JobRegistry GLOBAL = new JobRegistry();
    private final Map<String, JobView> jobs = new LinkedHashMap<>();

    /** The registry the local executor registers its jobs in. */
    public static JobRegistry global() {
        return GLOBAL;
    }

    public synchronized void register(JobView job) {
        jobs.put(job.id(), job);
        int ended = 0;
        for (JobView j : jobs.values()) {
            if (j.status().isGloballyTerminalState()) {
                ended++;
            }
        }
        for (var it = jobs.values().iterator(); it.hasNext() && ended > KEPT_ENDED; ) {
            if (it.next().status().isGloballyTerminalState()) {
                it.remove();
                ended--;
            }
        }
    }

    public synchronized List<JobView> jobs() {
        return new ArrayList<>(jobs.values());
    }

    /** The job with this id, or null. */
    public synchronized JobView job(String id) {
        return jobs.get(id);
    }
}
