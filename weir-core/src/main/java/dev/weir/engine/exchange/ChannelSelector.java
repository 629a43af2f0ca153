package dev.weir.engine.exchange;

/**
 * Chooses which of the downstream channels of one edge a record goes to. One instance per producing subtask and
 * edge, called by that subtask's thread only, so implementations keep plain mutable state.
 */
@FunctionalInterface
public interface ChannelSelector {

    /** Returned by {@link #select(Object)} to send the record to every channel. */
    int ALL_CHANNELS = -1;

    /**
     * @return the index of the channel {@code value} goes to, in {@code [0, numberOfChannels)}, or
     *         {@link #ALL_CHANNELS}
     */
    int select(Object value);
}
