package dev.weir.builtin;

import dev.weir.api.connector.sink2.Sink;

/**
 * Marks a {@link Sink} whose writer never blocks its thread: no waiting on I/O, a lock or another thread in
 * {@code write}, {@code flush} or a commit. Weir gives a chain ending in any other sink a thread of its own, because a
 * sink may block; a chain ending in a cooperative sink runs on Weir's shared worker threads beside the other chains,
 * as a chain ending in {@code DiscardingSink} does. Weir-only (Flink runs every task on a thread of its own, so a job
 * that ports back to Flink simply drops the interface); a sink that blocks despite it stalls the chains sharing its
 * worker.
 */
public interface CooperativeSink {
}
