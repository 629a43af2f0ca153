package dev.weir.engine.exchange;

/**
 * Maps a checked key to the downstream channel that owns its key group. The runtime plugs in its key-group
 * assignment here, so partitioning and keyed state agree on which subtask holds a key:
 * {@code key -> KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, parallelism,
 * KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism))}.
 */
@FunctionalInterface
public interface KeyToChannel {

    /** @return the channel of {@code key}, in {@code [0, numberOfChannels)}; {@code key} is never null */
    int channelOf(Object key);
}
