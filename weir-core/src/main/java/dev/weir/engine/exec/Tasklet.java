package dev.weir.engine.exec;

/**
 * A unit of cooperative work: a task (one subtask of a chain of operators). A worker calls {@link #call()}
 * repeatedly; each call does a bounded amount of work and reports how much, so that an idle worker can back off.
 * All methods are called by the same worker thread.
 */
public interface Tasklet {
    /** Opens the operators; called once, on the worker thread, before the first {@link #call()}. */
    void init() throws Exception;

    /** Does a bounded amount of work; returns how much (0 when it could do nothing, e.g. no input or full output). */
    int call() throws Exception;

    /** Whether the tasklet has finished all its work (bounded input only). */
    boolean isDone();

    /** Whether the tasklet never blocks; a tasklet that may block gets a thread of its own. */
    boolean isCooperative();

    /**
     * Closes the operators, every one even when some fail; called once, also after a failure or cancellation. Must
     * not throw: returns the first failure (the worker fails the job with it on a normal end, and logs and lists it
     * in the job's exceptions after a cancellation or another failure), or null.
     */
    Throwable close();

    /** "Map 'parse' (2/4)", for errors and thread names. */
    String name();
}
