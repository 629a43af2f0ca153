package dev.weir.engine.exec;

import java.util.ArrayList;

/**
 * The queue between a legacy {@code SourceFunction}'s own thread (the producer) and its source task (the consumer):
 * elements with their timestamps, watermarks and idleness marks, in order. It holds {@code capacity} items; a
 * producer waits for room, except while {@link #allowOverflow} is on: then the queue grows, so that a source
 * blocked on a full queue while holding its checkpoint lock lets a waiting checkpoint through instead of
 * deadlocking with it. All access is under this object's monitor; nothing is allocated per item.
 */
final class SourceHandoff {
    static final byte ELEMENT = 0;
    static final byte WATERMARK = 1;
    static final byte IDLE = 2;

    private final int capacity;
    private Object[] values;
    private long[] timestamps;
    private byte[] kinds;
    private int head;
    private int size;
    private boolean overflow;
    private boolean closed;

    SourceHandoff(int capacity) {
        this.capacity = capacity;
        this.values = new Object[capacity];
        this.timestamps = new long[capacity];
        this.kinds = new byte[capacity];
    }

    /**
     * Adds an item, waiting while the queue is full (unless overflow is allowed); returns false, without adding,
     * once the queue was closed.
     */
    synchronized boolean put(byte kind, Object value, long timestamp) throws InterruptedException {
        while (size >= capacity && !overflow && !closed) {
            wait();
        }
        if (closed) {
            return false;
        }
        if (size == values.length) {
            grow();
        }
        int slot = (head + size) % values.length;
        values[slot] = value;
        timestamps[slot] = timestamp;
        kinds[slot] = kind;
        size++;
        return true;
    }

    /** Hands up to {@code max} items to {@code sink}, oldest first; returns how many. */
    synchronized int drainTo(ItemSink sink, int max) throws Exception {
        int n = Math.min(max, size);
        for (int i = 0; i < n; i++) {
            Object value = values[head];
            values[head] = null;
            long timestamp = timestamps[head];
            byte kind = kinds[head];
            head = (head + 1) % values.length;
            size--;
            sink.accept(kind, value, timestamp);
        }
        if (n > 0) {
            notifyAll();
        }
        return n;
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }

    /** While on, {@link #put} never waits for room. */
    synchronized void allowOverflow(boolean on) {
        overflow = on;
        notifyAll();
    }

    /** Wakes and refuses every producer from now on. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** The items not yet handed on, oldest first, for a checkpoint. */
    synchronized SourceFunctionPending copy() {
        SourceFunctionPending pending = new SourceFunctionPending();
        pending.values = new ArrayList<>(size);
        pending.timestamps = new long[size];
        pending.kinds = new byte[size];
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % values.length;
            pending.values.add(values[slot]);
            pending.timestamps[i] = timestamps[slot];
            pending.kinds[i] = kinds[slot];
        }
        return pending;
    }

    private void grow() {
        int n = values.length * 2;
        Object[] v = new Object[n];
        long[] t = new long[n];
        byte[] k = new byte[n];
        for (int i = 0; i < size; i++) {
            int slot = (head + i) % values.length;
            v[i] = values[slot];
            t[i] = timestamps[slot];
            k[i] = kinds[slot];
        }
        values = v;
        timestamps = t;
        kinds = k;
        head = 0;
    }

    /** Receives drained items. */
    interface ItemSink {
        void accept(byte kind, Object value, long timestamp) throws Exception;
    }
}
