package dev.weir.engine.exchange;

import java.util.function.BooleanSupplier;

/**
 * Tells an operator that emits in bulk (a window firing for every key at one watermark) whether its task's output
 * has a backlog, so that it stops and resumes in the task's next call ({@code StreamOperator#hasPendingOutput}).
 * Installed for the duration of each call by the tasks that resume their operators; elsewhere (an operator chained
 * into a source, the test harness) there is none, and the operator emits everything at once while the channel's
 * bounded overflow waits for the consumer ({@link ProducerYield}).
 */
public final class OutputBacklog {
    private static final ThreadLocal<BooleanSupplier> CURRENT = new ThreadLocal<>();

    private OutputBacklog() {
    }

    /** The calling task's probe, or null when its operators cannot be resumed. */
    public static BooleanSupplier current() {
        return CURRENT.get();
    }

    /**
     * Installs {@code probe} for the calling thread (null: none). A null is stored, not removed: removing and setting
     * again, as every task call did, allocated a new thread-local entry each time.
     */
    public static void install(BooleanSupplier probe) {
        CURRENT.set(probe);
    }
}
