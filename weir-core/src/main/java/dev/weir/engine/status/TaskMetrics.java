package dev.weir.engine.status;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The live counters of one subtask. Its task thread adds to plain fields while it works and publishes them once per
 * call with ordered (release) writes; readers on other threads load them with acquire reads. Nothing here runs per
 * record, and nothing locks or writes a volatile field.
 */
public final class TaskMetrics {
    private static final VarHandle RECORDS_IN;
    private static final VarHandle WATERMARK;
    private static final VarHandle BACKPRESSURED_NANOS;
    private static final VarHandle BACKPRESSURED_SINCE;
    private static final VarHandle FINISHED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RECORDS_IN = lookup.findVarHandle(TaskMetrics.class, "recordsIn", long.class);
            WATERMARK = lookup.findVarHandle(TaskMetrics.class, "watermark", long.class);
            BACKPRESSURED_NANOS = lookup.findVarHandle(TaskMetrics.class, "backpressuredNanos", long.class);
            BACKPRESSURED_SINCE = lookup.findVarHandle(TaskMetrics.class, "backpressuredSince", long.class);
            FINISHED = lookup.findVarHandle(TaskMetrics.class, "finished", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Written by the task thread only; published with release writes.
    private long recordsIn;
    private long watermark = Long.MIN_VALUE;
    private long backpressuredNanos;
    private long backpressuredSince;
    private boolean finished;

    // The task thread's private tallies, published per call.
    private long inTally;
    private long[] channelItems = new long[0];
    private long[] channelMarkers = new long[0];
    private int markersThisDrain;
    private ChannelCounts taskChannels = new ChannelCounts(new int[0], new int[0]);
    private volatile ChannelCounts channels = taskChannels;

    /** Records per input channel and where each channel comes from: (producer vertex index, producer subtask). */
    record ChannelCounts(int[] producerVertex, int[] producerSubtask, AtomicLongArray records) {
        ChannelCounts(int[] producerVertex, int[] producerSubtask) {
            this(producerVertex, producerSubtask, new AtomicLongArray(producerVertex.length));
        }
    }

    /**
     * Declares the task's input channels, in the order the task numbers them; called when an attempt is wired,
     * before its task thread starts. Counts of an earlier attempt are kept.
     */
    public void inputs(int[] producerVertex, int[] producerSubtask) {
        ChannelCounts old = channels;
        ChannelCounts fresh = new ChannelCounts(producerVertex.clone(), producerSubtask.clone());
        for (int i = 0; i < Math.min(old.records().length(), fresh.records().length()); i++) {
            fresh.records().set(i, old.records().get(i));
        }
        channelItems = new long[producerVertex.length];
        channelMarkers = new long[producerVertex.length];
        for (int i = 0; i < channelItems.length; i++) {
            channelItems[i] = fresh.records().get(i);
        }
        finished = false;
        FINISHED.setRelease(this, false);
        watermark = Long.MIN_VALUE;
        WATERMARK.setRelease(this, Long.MIN_VALUE);
        taskChannels = fresh;
        channels = fresh;
    }

    // ---- task thread ----

    /** A source read {@code records} records in this call. */
    public void read(int records) {
        inTally += records;
    }

    /** Channel {@code channel} handed over {@code items} items (records and markers) in one drain. */
    public void drained(int channel, int items) {
        channelItems[channel] += items;
        inTally += items - markersThisDrain;
        channelMarkers[channel] += markersThisDrain;
        markersThisDrain = 0;
    }

    /** A control marker (watermark, barrier, end of input) arrived; it is not a record. */
    public void marker() {
        markersThisDrain++;
    }

    /** The task's watermark advanced to {@code watermark}. */
    public void watermark(long watermark) {
        this.watermark = watermark;
    }

    /** Ends a call: publishes the counters; {@code outputsFull} says whether output was left waiting for space. */
    public void endCall(boolean outputsFull) {
        if (outputsFull) {
            if (backpressuredSince == 0) {
                backpressuredSince = System.nanoTime();
                BACKPRESSURED_SINCE.setRelease(this, backpressuredSince);
            }
        } else if (backpressuredSince != 0) {
            backpressuredNanos += System.nanoTime() - backpressuredSince;
            backpressuredSince = 0;
            BACKPRESSURED_NANOS.setRelease(this, backpressuredNanos);
            BACKPRESSURED_SINCE.setRelease(this, 0L);
        }
        if (inTally != recordsIn) {
            recordsIn = inTally;
            RECORDS_IN.setRelease(this, inTally);
        }
        WATERMARK.setRelease(this, watermark);
        long[] items = channelItems;
        if (items.length > 0) {
            AtomicLongArray published = taskChannels.records();
            for (int i = 0; i < items.length; i++) {
                long records = items[i] - channelMarkers[i];
                if (published.get(i) != records) {
                    published.lazySet(i, records);
                }
            }
        }
    }

    /** The task has finished its input. */
    public void finished() {
        endCall(false);
        FINISHED.setRelease(this, true);
    }

    // ---- readers ----

    public long recordsIn() {
        return (long) RECORDS_IN.getAcquire(this);
    }

    public long watermark() {
        return (long) WATERMARK.getAcquire(this);
    }

    /** Time spent with full outputs so far, including a stretch still going on at {@code nowNanos}. */
    public long backpressuredNanos(long nowNanos) {
        long since = (long) BACKPRESSURED_SINCE.getAcquire(this);
        long total = (long) BACKPRESSURED_NANOS.getAcquire(this);
        return since == 0 ? total : total + Math.max(0, nowNanos - since);
    }

    public boolean isFinished() {
        return (boolean) FINISHED.getAcquire(this);
    }

    ChannelCounts channels() {
        return channels;
    }
}
