package dev.weir.engine.operators;

import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.StateInitialization;

/**
 * The runtime form of an operator. The task calls, in order: {@link #setup}, {@link #open}, then any number of
 * element, watermark and idleness calls, then {@link #endInput} (bounded input only), then {@link #close}
 * (always, also after a failure). All calls come from the task's thread; nothing here needs synchronisation.
 *
 * <p>Watermarks reach {@link #processWatermark} only when they advance, and never go backwards. The final
 * watermark of bounded input is {@code Long.MAX_VALUE}, delivered before {@link #endInput}.
 *
 * <p>Checkpoints: {@link #initializeState} comes between setup and open (also on a fresh start);
 * {@link #snapshotState} when the task's barriers are aligned; {@link #notifyCheckpointComplete} when the checkpoint
 * completed, on the task thread (or, once the task has finished, on the checkpoint coordinator's thread).
 */
public interface StreamOperator {
    void setup(OperatorContext context, Output output);

    /** Restores (or initialises) the operator's non-keyed state; called before {@link #open()}. */
    default void initializeState(StateInitialization initialization) throws Exception {
    }

    void open() throws Exception;

    /** Adds the operator's non-keyed state to a checkpoint; keyed state and timers are taken by the task. */
    default void snapshotState(OperatorStateSnapshot snapshot, long checkpointId, long timestamp) throws Exception {
    }

    default void notifyCheckpointComplete(long checkpointId) throws Exception {
    }

    /** The whole job finished successfully: commit whatever is still pending. Called once, after close. */
    default void notifyJobFinished() throws Exception {
    }

    /** Fires the event-time timers due at {@code watermark}, then forwards the watermark. */
    void processWatermark(long watermark) throws Exception;

    /**
     * Whether the operator stopped an emission in bulk (a window firing for every key at one watermark) because its
     * task's output has a backlog ({@code OutputBacklog}). Its task then gives it no input, timer or barrier, and
     * calls {@link #resumeOutput()} once the output drained, until this is false. The default never stops.
     */
    default boolean hasPendingOutput() {
        return false;
    }

    /** Continues the stopped emission until it completes (forwarding what it held back) or the output backs up again. */
    default void resumeOutput() throws Exception {
    }

    /** Forwards a change of the input's idleness; operators rarely need to override this. */
    void processIdleness(boolean idle) throws Exception;

    /** Called once when all input has ended, after the final watermark; flushes buffered results. */
    void endInput() throws Exception;

    void close() throws Exception;

    /**
     * Whether the operator never blocks, so that its task may share a worker thread with others. Operators that may
     * block (most sinks) return false and their task gets a thread of its own.
     */
    default boolean isCooperative() {
        return true;
    }

    /** The operator's name in error messages, e.g. "Map 'parse' (2/4)". */
    String describe();
}
