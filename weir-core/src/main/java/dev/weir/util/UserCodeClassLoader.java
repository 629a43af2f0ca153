package dev.weir.util;

/**
 * The class loader of the job's code, as Flink's {@code UserCodeClassLoader}. Weir runs a job in the class loader
 * that built it; release hooks run never, as that loader outlives the job.
 */
public interface UserCodeClassLoader {
    /** The class loader of the job's classes. */
    ClassLoader asClassLoader();

    /** Accepted for Flink compatibility; Weir never releases the job's class loader, so the hook never runs. */
    void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook);
}
