package dev.weir.engine.exchange;

import java.util.Arrays;
import java.util.Objects;

/**
 * The producer half of one channel, used by a task's thread: writes into a {@link RecordRing} and, while the ring
 * is full, into a reusable overflow so that a task that emits many items for one input (a flatMap, a window
 * firing) never blocks and never drops.
 *
 * <p>Items keep their order: once anything waits in the overflow, later items queue behind it even if the ring
 * has room. Nothing emitted is visible downstream until {@link #flush()}, which the task calls at the end of
 * every call that emitted; a task checks {@link #hasBacklog()} before taking more input.
 *
 * <p>The overflow is bounded ({@value #OVERFLOW_LIMIT} items): a producer that emits more within one call (a
 * flatMap that turns one record into millions, a window firing for every key) publishes what it has and waits
 * there through its thread's {@link ProducerYield}, which lets the consumers run, and resumes when the ring drained.
 */
public final class OutboundChannel {

    private static final int INITIAL_OVERFLOW = 16;
    /** The most items that wait in the overflow; past it the producer waits for the consumer. */
    static final int OVERFLOW_LIMIT = 4096;

    private final RecordRing ring;
    private Object[] overflowValues = new Object[INITIAL_OVERFLOW];
    private long[] overflowTimestamps = new long[INITIAL_OVERFLOW];
    /** The waiting records' keys and key groups when the ring carries keys (null for markers), else null. */
    private Object[] overflowKeys;
    private int[] overflowKeyGroups;
    /** First waiting overflow item. */
    private int overflowHead;
    /** One past the last waiting overflow item. */
    private int overflowTail;

    /** Creates the producer half writing into {@code ring}; the channel is the ring's only producer. */
    public OutboundChannel(RecordRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
        if (ring.carriesKeys()) {
            overflowKeys = new Object[INITIAL_OVERFLOW];
            overflowKeyGroups = new int[INITIAL_OVERFLOW];
        }
    }

    /** The ring this channel writes into. */
    public RecordRing ring() {
        return ring;
    }

    /** Emits a record; it becomes visible downstream at the next {@link #flush()}. */
    public void emit(Object value, long timestamp) {
        if (overflowHead == overflowTail) {
            if (ring.offer(value, timestamp)) {
                return;
            }
            // The ring just filled up: let the consumer see what it holds rather than wait for flush().
            ring.publish();
        } else if (overflowTail - overflowHead >= OVERFLOW_LIMIT) {
            awaitRoomInOverflow();
        }
        addToOverflow(value, timestamp);
    }

    /**
     * Emits a record with the key and key group the producer computed for it, so the consumer need not compute them
     * again; only when the ring {@linkplain RecordRing#carriesKeys() carries keys}. Visible at the next {@link #flush()}.
     */
    public void emitKeyed(Object value, long timestamp, Object key, int keyGroup) {
        if (overflowHead == overflowTail) {
            if (ring.offerKeyed(value, timestamp, key, keyGroup)) {
                return;
            }
            ring.publish();
        } else if (overflowTail - overflowHead >= OVERFLOW_LIMIT) {
            awaitRoomInOverflow();
        }
        addToOverflow(value, timestamp);
        overflowKeys[overflowTail - 1] = key;
        overflowKeyGroups[overflowTail - 1] = keyGroup;
    }

    /** The slow path of a producer that emits far more than the ring holds within one call: wait for the consumer. */
    private void awaitRoomInOverflow() {
        ProducerYield yield = ProducerYield.current();
        while (!flush() && overflowTail - overflowHead >= OVERFLOW_LIMIT) {
            if (yield != null) {
                yield.awaitRoom();
            } else {
                Thread.yield();
            }
        }
    }

    /** Emits a watermark behind everything emitted before. */
    public void emitWatermark(long watermark) {
        emit(Marker.WATERMARK, watermark);
    }

    /** Emits an idleness change: {@code true} when this producer stopped emitting watermarks, {@code false} when it resumed. */
    public void emitIdleness(boolean idle) {
        emit(idle ? Marker.IDLE : Marker.ACTIVE, Marker.NO_ARGUMENT);
    }

    /** Emits the end of input; nothing may be emitted after it. */
    public void emitEndOfInput() {
        emit(Marker.END_OF_INPUT, Marker.NO_ARGUMENT);
    }

    /** Emits a checkpoint barrier carrying {@code checkpointId}. */
    public void emitBarrier(long checkpointId) {
        emit(Marker.BARRIER, checkpointId);
    }

    /**
     * Moves waiting overflow items into the ring as far as it has room, then publishes everything in the ring.
     *
     * @return {@code true} when nothing waits in the overflow any more
     */
    public boolean flush() {
        int head = overflowHead;
        final int tail = overflowTail;
        final Object[] values = overflowValues;
        final long[] timestamps = overflowTimestamps;
        final Object[] keys = overflowKeys;
        if (keys == null) {
            while (head < tail && ring.offer(values[head], timestamps[head])) {
                values[head] = null;
                head++;
            }
        } else {
            while (head < tail && (keys[head] == null ? ring.offer(values[head], timestamps[head])
                    : ring.offerKeyed(values[head], timestamps[head], keys[head], overflowKeyGroups[head]))) {
                values[head] = null;
                keys[head] = null;
                head++;
            }
        }
        if (head == tail) {
            overflowHead = 0;
            overflowTail = 0;
        } else {
            overflowHead = head;
        }
        ring.publish();
        return head == tail;
    }

    /** Whether items wait in the overflow for room in the ring. */
    public boolean hasBacklog() {
        return overflowHead != overflowTail;
    }

    /** The number of items waiting in the overflow. */
    public int backlogSize() {
        return overflowTail - overflowHead;
    }

    private void addToOverflow(Object value, long timestamp) {
        if (overflowTail == overflowValues.length) {
            makeRoom();
        }
        overflowValues[overflowTail] = value;
        overflowTimestamps[overflowTail] = timestamp;
        if (overflowKeys != null) {
            overflowKeys[overflowTail] = null;
        }
        overflowTail++;
    }

    /** Compacts the waiting items to the front, and doubles the arrays when they are more than half full. */
    private void makeRoom() {
        final int waiting = overflowTail - overflowHead;
        if (waiting > overflowValues.length / 2) {
            final int newLength = overflowValues.length * 2;
            if (newLength < 0) {
                throw new IllegalStateException("The overflow of an exchange channel exceeds " + overflowValues.length
                        + " items: the emitting task does not stop taking input while hasBacklog() is true");
            }
            overflowValues = Arrays.copyOf(overflowValues, newLength);
            overflowTimestamps = Arrays.copyOf(overflowTimestamps, newLength);
            if (overflowKeys != null) {
                overflowKeys = Arrays.copyOf(overflowKeys, newLength);
                overflowKeyGroups = Arrays.copyOf(overflowKeyGroups, newLength);
            }
        }
        if (overflowHead > 0) {
            System.arraycopy(overflowValues, overflowHead, overflowValues, 0, waiting);
            System.arraycopy(overflowTimestamps, overflowHead, overflowTimestamps, 0, waiting);
            Arrays.fill(overflowValues, waiting, overflowTail, null);
            if (overflowKeys != null) {
                System.arraycopy(overflowKeys, overflowHead, overflowKeys, 0, waiting);
                System.arraycopy(overflowKeyGroups, overflowHead, overflowKeyGroups, 0, waiting);
                Arrays.fill(overflowKeys, waiting, overflowTail, null);
            }
            overflowHead = 0;
            overflowTail = waiting;
        }
    }
}
