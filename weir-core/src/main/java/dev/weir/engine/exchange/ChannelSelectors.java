package dev.weir.engine.exchange;

import dev.weir.api.java.functions.KeySelector;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.plan.Partitioning;

/**
 * Chooses the {@link ChannelSelector} that carries out an edge's partitioning for one producer subtask: forward to the
 * consumer of the same index, round robin (rebalance, rescale), a seeded shuffle, broadcast, global (all to the first
 * consumer), or by key group (keyBy), the channel being the consumer subtask that owns the key's group.
 */
public final class ChannelSelectors {
    private ChannelSelectors() {
    }

    /** The runtime's key-group assignment of one keyed edge. */
    private record KeyGroups(int maxParallelism, int channels) implements KeyToChannel {
        @Override
        public int keyGroupOf(Object key) {
            return KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        }

        @Override
        public int channelOf(int keyGroup) {
            return KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, channels, keyGroup);
        }
    }

    /**
     * The selector of subtask {@code subtask} of the producer on an edge to {@code channels} consumers. For a forward
     * edge the producer writes to one channel only (its consumer), so the selector always picks channel 0.
     *
     * @param key            the key selector of a keyed (HASH) edge, else unused
     * @param maxParallelism the consumer's number of key groups, for a keyed edge
     * @param consumer       the consumer, named in the error for a key that cannot be hashed
     */
    public static ChannelSelector of(Partitioning partitioning, int channels, int subtask, KeySelector<Object, Object> key,
                                     int maxParallelism, String consumer) {
        return switch (partitioning) {
            case FORWARD -> new ForwardSelector(0);
            case REBALANCE, RESCALE -> new RoundRobinSelector(channels, subtask);
            case SHUFFLE -> new ShuffleSelector(channels, 0x9E3779B97F4A7C15L * (subtask + 1));
            case BROADCAST -> new BroadcastSelector();
            case GLOBAL -> new GlobalSelector();
            case HASH -> new KeyGroupSelector(key, new KeyGroups(maxParallelism, channels), "keyBy before " + consumer);
        };
    }
}
