package dev.weir.engine.exchange;

import java.util.Objects;

/**
 * Writes one task's output into the channels of one outgoing edge: records to the channel(s) the selector picks,
 * control items to every channel. Called by the producing task's thread only; nothing becomes visible downstream
 * before {@link #flush()}.
 */
public final class RecordWriter {

    private final OutboundChannel[] channels;
    private final ChannelSelector selector;
    /** The selector of a keyed edge whose rings carry keys: records go out with their key and key group; else null. */
    private final KeyGroupSelector keyed;

    /**
     * @param channels one per downstream subtask, indexed as the selector answers
     * @param selector the edge's partitioning
     */
    public RecordWriter(OutboundChannel[] channels, ChannelSelector selector) {
        Objects.requireNonNull(channels, "channels");
        if (channels.length == 0) {
            throw new IllegalArgumentException("A RecordWriter needs at least one channel");
        }
        for (int i = 0; i < channels.length; i++) {
            Objects.requireNonNull(channels[i], "channels[" + i + "]");
        }
        this.channels = channels.clone();
        this.selector = Objects.requireNonNull(selector, "selector");
        this.keyed = selector instanceof KeyGroupSelector k && carryKeys(this.channels) ? k : null;
    }

    private static boolean carryKeys(OutboundChannel[] channels) {
        for (OutboundChannel c : channels) {
            if (!c.ring().carriesKeys()) {
                return false;
            }
        }
        return true;
    }

    /** The number of downstream channels. */
    public int numberOfChannels() {
        return channels.length;
    }

    /**
     * Emits a record to the channel the selector picks, or to every channel if it answers ALL_CHANNELS; on a keyed
     * edge whose rings carry keys, with the key and key group the selector computed.
     */
    public void emit(Object value, long timestamp) {
        final KeyGroupSelector keyed = this.keyed;
        if (keyed != null) {
            keyed.emitKeyed(channels, value, timestamp);
            return;
        }
        final int channel = selector.select(value);
        if (channel == ChannelSelector.ALL_CHANNELS) {
            for (OutboundChannel c : channels) {
                c.emit(value, timestamp);
            }
        } else {
            channels[channel].emit(value, timestamp);
        }
    }

    /** Emits a watermark to every channel. */
    public void emitWatermark(long watermark) {
        for (OutboundChannel c : channels) {
            c.emitWatermark(watermark);
        }
    }

    /** Emits an idleness change to every channel. */
    public void emitIdleness(boolean idle) {
        for (OutboundChannel c : channels) {
            c.emitIdleness(idle);
        }
    }

    /** Emits the end of input to every channel. */
    public void emitEndOfInput() {
        for (OutboundChannel c : channels) {
            c.emitEndOfInput();
        }
    }

    /** Emits a checkpoint barrier to every channel. */
    public void emitBarrier(long checkpointId) {
        for (OutboundChannel c : channels) {
            c.emitBarrier(checkpointId);
        }
    }

    /**
     * Flushes every channel.
     *
     * @return {@code true} when no channel has a backlog any more
     */
    public boolean flush() {
        boolean drained = true;
        for (OutboundChannel c : channels) {
            drained &= c.flush();
        }
        return drained;
    }

    /** Whether any channel holds items waiting for room in its ring. */
    public boolean hasBacklog() {
        for (OutboundChannel c : channels) {
            if (c.hasBacklog()) {
                return true;
            }
        }
        return false;
    }
}
