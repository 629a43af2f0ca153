package dev.weir.testing;

import dev.weir.engine.checkpoint.OperatorSubtaskSnapshot;

/**
 * A checkpoint of the operator in a harness, from {@link OperatorHarness#snapshot()}: its keyed state and timers and
 * its operator state, as a running task would write them. Give it to {@link OperatorHarness#restore} of a new harness
 * made the same way to go on from here in a fresh operator instance. A snapshot is a deep copy: the harness it came
 * from may go on running without changing it.
 */
public final class HarnessSnapshot {
    private final OperatorSubtaskSnapshot state;
    private final long checkpointId;
    private final long watermark;
    private final long processingTime;

    HarnessSnapshot(OperatorSubtaskSnapshot state, long checkpointId, long watermark, long processingTime) {
        this.state = state;
        this.checkpointId = checkpointId;
        this.watermark = watermark;
        this.processingTime = processingTime;
    }

    /** The number of this checkpoint in its harness: 1 for the first {@code snapshot()}, then 2, 3, ... */
    public long getCheckpointId() {
        return checkpointId;
    }

    /** The last watermark the operator had received when the snapshot was taken ({@code Long.MIN_VALUE} if none). */
    public long getWatermark() {
        return watermark;
    }

    OperatorSubtaskSnapshot state() {
        return state;
    }

    long processingTime() {
        return processingTime;
    }
}
