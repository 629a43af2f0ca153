package dev.weir.engine.exchange;

/** Sends every record to one fixed channel: subtask i of the producer to subtask i of the consumer. */
public final class ForwardSelector implements ChannelSelector {

    private final int channel;

    /** Creates a selector that always answers {@code channel}. */
    public ForwardSelector(int channel) {
        if (channel < 0) {
            throw new IllegalArgumentException("Forward channel must not be negative but was " + channel);
        }
        this.channel = channel;
    }

    @Override
    public int select(Object value) {
        return channel;
    }
}
