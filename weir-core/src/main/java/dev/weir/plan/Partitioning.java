package dev.weir.plan;

/** How elements travel from the subtasks of one operator to the subtasks of the next. */
public enum Partitioning {
    /** Subtask i to subtask i; lets operators chain. The default when parallelism is equal. */
    FORWARD,
    /** Round robin over all downstream subtasks. The default when parallelism differs. */
    REBALANCE,
    /** Uniformly at random over all downstream subtasks. */
    SHUFFLE,
    /** By the key's key group, so each key always reaches the same subtask. */
    HASH,
    /** Every element to every downstream subtask. */
    BROADCAST,
    /** Everything to the first downstream subtask. */
    GLOBAL,
    /** Rebalance within local groups; in one process the same as REBALANCE. */
    RESCALE
}
