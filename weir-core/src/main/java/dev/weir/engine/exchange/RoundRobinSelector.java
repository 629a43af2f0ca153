package dev.weir.engine.exchange;

/**
 * Sends records to the channels in turn (Flink's rebalance and rescale). Each producer starts at its own channel,
 * typically its subtask index, so that parallel producers do not all load channel 0 first, while runs stay
 * reproducible.
 */
public final class RoundRobinSelector implements ChannelSelector {

    private final int numberOfChannels;
    private int next;

    /**
     * @param numberOfChannels the number of downstream channels, at least 1
     * @param startOffset      any non-negative number, typically the producer's subtask index; the first record
     *                         goes to channel {@code startOffset % numberOfChannels}
     */
    public RoundRobinSelector(int numberOfChannels, int startOffset) {
        if (numberOfChannels < 1) {
            throw new IllegalArgumentException("Round robin needs at least one channel but got " + numberOfChannels);
        }
        if (startOffset < 0) {
            throw new IllegalArgumentException("Round robin start offset must not be negative but was " + startOffset);
        }
        this.numberOfChannels = numberOfChannels;
        this.next = startOffset % numberOfChannels;
    }

    @Override
    public int select(Object value) {
        final int channel = next;
        next = channel + 1 == numberOfChannels ? 0 : channel + 1;
        return channel;
    }
}
