package dev.weir.plan;

/** Whether an operator may share a task (and a thread, by direct calls) with its neighbours. */
public enum ChainingStrategy {
    /** Chain to the predecessor and let successors chain. */
    ALWAYS,
    /** Start a new chain here; successors may chain. */
    HEAD,
    /** Never chain, before or after. */
    NEVER
}
