package dev.weir.engine.time;

import java.util.Arrays;

/**
 * Combines the watermarks and idleness of a task's input channels into the task's input watermark, with Flink's
 * semantics. The combined watermark is the minimum over the active channels that are <em>aligned</em> (caught up
 * with the combined watermark) and never goes back: a channel's watermark that goes back is ignored, and a channel
 * that becomes active behind the combined watermark does not count until it catches up. Idle channels do not count;
 * when every channel is idle, the valve's output becomes idle too (after flushing the largest watermark any channel
 * reached). A finished channel is active at {@code Long.MAX_VALUE}; when all others are finished or idle the combined
 * watermark is {@code Long.MAX_VALUE}.
 *
 * <p>Each {@code on*} method returns the new combined watermark if it advanced, otherwise {@link #NO_WATERMARK};
 * {@link #idlenessChanged()} then tells whether that same call flipped {@link #isIdle()}. Forward the watermark first,
 * then the status change. Nothing allocates; one valve per task, used by its thread only.
 */
public final class WatermarkValve {
    /** Returned when a call did not advance the combined watermark. */
    public static final long NO_WATERMARK = Long.MIN_VALUE;

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] aligned;
    private final boolean[] finished;
    private int activeChannels;
    private long combinedWatermark = Long.MIN_VALUE;
    private boolean outputIdle;
    private boolean idlenessChanged;

    /** A valve for {@code channels} channels, all active, none with a watermark yet. */
    public WatermarkValve(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("a watermark valve needs at least one input channel, got " + channels);
        }
        watermarks = new long[channels];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        idle = new boolean[channels];
        aligned = new boolean[channels];
        Arrays.fill(aligned, true);
        finished = new boolean[channels];
        activeChannels = channels;
    }

    /**
     * A watermark arrived on {@code channel}. A watermark on an idle channel first makes it active again (a source
     * that emits watermarks is not idle); one on a finished channel is ignored.
     */
    public long onWatermark(int channel, long watermark) {
        checkChannel(channel);
        idlenessChanged = false;
        if (finished[channel]) {
            return NO_WATERMARK;
        }
        if (idle[channel]) {
            activate(channel);
        }
        if (watermark <= watermarks[channel]) {
            return NO_WATERMARK;
        }
        watermarks[channel] = watermark;
        if (!aligned[channel] && watermark >= combinedWatermark) {
            aligned[channel] = true;
        }
        return advanceToMinOfAligned();
    }

    /** {@code channel} became idle ({@code true}) or active again ({@code false}); ignored for a finished channel. */
    public long onIdleness(int channel, boolean channelIdle) {
        checkChannel(channel);
        idlenessChanged = false;
        if (finished[channel] || idle[channel] == channelIdle) {
            return NO_WATERMARK;
        }
        if (!channelIdle) {
            activate(channel);
            return NO_WATERMARK;
        }
        idle[channel] = true;
        aligned[channel] = false;
        activeChannels--;
        return activeChannels == 0 ? becomeIdle() : advanceToMinOfAligned();
    }

    /**
     * {@code channel} ended: from now on it is an active channel at {@code Long.MAX_VALUE} and never holds the others
     * back. As in Flink, once every other channel is idle or finished the combined watermark becomes
     * {@code Long.MAX_VALUE}: a finished input does not make the task idle.
     */
    public long onChannelFinished(int channel) {
        checkChannel(channel);
        idlenessChanged = false;
        if (finished[channel]) {
            return NO_WATERMARK;
        }
        if (idle[channel]) {
            idle[channel] = false;
            activeChannels++;
        }
        finished[channel] = true;
        aligned[channel] = true;
        watermarks[channel] = Long.MAX_VALUE;
        setOutputIdle(false);
        return advanceToMinOfAligned();
    }

    /** The combined watermark so far, {@code Long.MIN_VALUE} before the first. */
    public long currentWatermark() {
        return combinedWatermark;
    }

    /** Whether every channel is idle (a finished channel is not idle). */
    public boolean isIdle() {
        return outputIdle;
    }

    /** Whether the last {@code on*} call flipped {@link #isIdle()}. */
    public boolean idlenessChanged() {
        return idlenessChanged;
    }

    public int numChannels() {
        return watermarks.length;
    }

    private void activate(int channel) {
        idle[channel] = false;
        activeChannels++;
        // Behind the combined watermark it must not pull it back; it counts again once it catches up.
        aligned[channel] = watermarks[channel] >= combinedWatermark;
        setOutputIdle(false);
    }

    /** No channel can advance any more: flush the largest watermark reached, as Flink does, then go idle. */
    private long becomeIdle() {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < watermarks.length; i++) {
            if (!finished[i] && watermarks[i] > max) {
                max = watermarks[i];
            }
        }
        setOutputIdle(true);
        return advanceTo(max);
    }

    private long advanceToMinOfAligned() {
        long min = Long.MAX_VALUE;
        boolean anyAligned = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (aligned[i]) {
                anyAligned = true;
                if (watermarks[i] < min) {
                    min = watermarks[i];
                }
            }
        }
        return anyAligned ? advanceTo(min) : NO_WATERMARK;
    }

    private long advanceTo(long watermark) {
        if (watermark > combinedWatermark) {
            combinedWatermark = watermark;
            return watermark;
        }
        return NO_WATERMARK;
    }

    private void setOutputIdle(boolean nowIdle) {
        if (outputIdle != nowIdle) {
            outputIdle = nowIdle;
            idlenessChanged = true;
        }
    }

    private void checkChannel(int channel) {
        if (channel < 0 || channel >= watermarks.length) {
            throw new IndexOutOfBoundsException("input channel " + channel + " does not exist: this valve has channels 0.."
                    + (watermarks.length - 1));
        }
    }
}
