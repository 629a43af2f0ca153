package dev.weir.engine.exchange;

/**
 * Maps a checked key to its key group, and a key group to the downstream channel that owns it. The runtime plugs in
 * its key-group assignment here, so partitioning and keyed state agree on which subtask holds a key:
 * {@code KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism)}, then
 * {@code KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, parallelism, keyGroup)}.
 */
public interface KeyToChannel {

    /** @return the key group of {@code key}, in {@code [0, maxParallelism)}; {@code key} is never null */
    int keyGroupOf(Object key);

    /** @return the channel owning {@code keyGroup}, in {@code [0, numberOfChannels)} */
    int channelOf(int keyGroup);
}
