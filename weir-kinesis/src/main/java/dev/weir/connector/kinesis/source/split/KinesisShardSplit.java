package dev.weir.connector.kinesis.source.split;

import dev.weir.api.connector.source.SourceSplit;
import java.io.Serializable;
import java.util.List;

/**
 * One Kinesis shard as a split, as in Flink: its id, its parents, and where its reader resumes (after a sequence
 * number, or at its start). A split a reader read to its end is {@linkplain #isFinished() finished}: readers keep such
 * splits in their checkpoints until the enumerator has recorded that the shard is finished.
 */
public final class KinesisShardSplit implements SourceSplit, Serializable {
    private static final long serialVersionUID = 1L;

    private final String shardId;
    private final List<String> parentShardIds;
    private final boolean child;
    private final String afterSequenceNumber;
    private final boolean finished;

    /**
     * @param child               whether the shard came from a reshard of a shard still in the stream: it is read from
     *                            its first record whatever the source's initial position
     * @param afterSequenceNumber the last sequence number read, or null when none was
     */
    public KinesisShardSplit(String shardId, List<String> parentShardIds, boolean child, String afterSequenceNumber, boolean finished) {
        this.shardId = shardId;
        this.parentShardIds = List.copyOf(parentShardIds);
        this.child = child;
        this.afterSequenceNumber = afterSequenceNumber;
        this.finished = finished;
    }

    @Override
    public String splitId() {
        return shardId;
    }

    public String getShardId() {
        return shardId;
    }

    /** The shard's parent and adjacent parent, when it has them. */
    public List<String> getParentShardIds() {
        return parentShardIds;
    }

    /** Whether the shard is read from its first record whatever the initial position (a reshard's child). */
    public boolean isChild() {
        return child;
    }

    /** The last sequence number read from the shard, or null. */
    public String getAfterSequenceNumber() {
        return afterSequenceNumber;
    }

    /** Whether the shard was read to its end. */
    public boolean isFinished() {
        return finished;
    }

    /** This split, resuming after {@code sequenceNumber}. */
    public KinesisShardSplit after(String sequenceNumber) {
        return new KinesisShardSplit(shardId, parentShardIds, child, sequenceNumber, false);
    }

    /** This split, read to its end. */
    public KinesisShardSplit asFinished() {
        return new KinesisShardSplit(shardId, parentShardIds, child, afterSequenceNumber, true);
    }

    @Override
    public String toString() {
        return "KinesisShardSplit{" + shardId + (finished ? ", finished" : afterSequenceNumber == null ? "" : ", after " + afterSequenceNumber) + "}";
    }
}
