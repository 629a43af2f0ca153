package dev.weir.engine.exchange;

/**
 * A stand-in for the runtime's key-group assignment, for tests only: murmur3's finalizer over hashCode, modulo
 * maxParallelism, scaled to the channels.
 */
final class TestKeyGroups implements KeyToChannel {

    private final int maxParallelism;
    private final int numberOfChannels;

    TestKeyGroups(int maxParallelism, int numberOfChannels) {
        this.maxParallelism = maxParallelism;
        this.numberOfChannels = numberOfChannels;
    }

    @Override
    public int keyGroupOf(Object key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return (h & Integer.MAX_VALUE) % maxParallelism;
    }

    @Override
    public int channelOf(int keyGroup) {
        return keyGroup * numberOfChannels / maxParallelism;
    }
}
