package dev.weir.engine.exchange;

/**
 * Sends each record to a uniformly random channel, drawn from a seeded xorshift64* generator so that a run can be
 * repeated exactly.
 */
public final class ShuffleSelector implements ChannelSelector {

    /** Replaces a zero seed, the one state xorshift never leaves. */
    private static final long ZERO_SEED_REPLACEMENT = 0x9E3779B97F4A7C15L;

    private final long numberOfChannels;
    private long state;

    /**
     * @param numberOfChannels the number of downstream channels, at least 1
     * @param seed             any value; equal seeds give equal channel sequences
     */
    public ShuffleSelector(int numberOfChannels, long seed) {
        if (numberOfChannels < 1) {
            throw new IllegalArgumentException("Shuffle needs at least one channel but got " + numberOfChannels);
        }
        this.numberOfChannels = numberOfChannels;
        this.state = seed == 0 ? ZERO_SEED_REPLACEMENT : seed;
    }

    @Override
    public int select(Object value) {
        long x = state;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        state = x;
        // xorshift64*: the multiply mixes the weak low bits into the high ones, whose top 32 are scaled into
        // [0, n) by a multiply instead of a division.
        return (int) ((((x * 0x2545F4914F6CDD1DL) >>> 32) * numberOfChannels) >>> 32);
    }
}
