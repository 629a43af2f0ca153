package dev.weir.engine.exchange;

/** Sends every record to every channel; the records are shared by reference, never copied. */
public final class BroadcastSelector implements ChannelSelector {

    @Override
    public int select(Object value) {
        return ALL_CHANNELS;
    }
}
