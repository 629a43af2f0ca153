package dev.weir.engine.exchange;

/**
 * A bounded single-producer, single-consumer queue of (value, timestamp) slots that moves records between two
 * threads in batches.
 *
 * <p>The producer {@link #offer offers} any number of items, each a plain write into a slot, then makes them all
 * visible with one ordered write in {@link #publish()}. The consumer {@link #drain drains} what was published,
 * clears each slot's reference and frees all slots it read with one ordered write. Neither side takes a lock,
 * allocates, or writes a volatile per record; the producer reads the consumer's index only when its cached copy
 * says the ring is full, the consumer reads the producer's index at most once per drain.
 *
 * <p>Control items are slots whose value is a {@link Marker}, so watermarks, idleness, end of input and
 * checkpoint barriers keep their place between records. A full ring is backpressure: {@code offer} returns
 * {@code false} and the producer retries the same item later; nothing is ever dropped.
 *
 * <p>A ring of a keyed edge {@linkplain #RecordRing(int, boolean) carries keys}: beside each record, the key and key
 * group the producer computed to pick the channel, so the consumer sets its current key without extracting and
 * hashing the key again (Flink does both on each side of a keyBy).
 *
 * <p>The consumer may {@linkplain #limitCapacity limit} how many of the slots the producer fills (buffer debloating:
 * a slow consumer keeps only a few milliseconds of work queued, so a checkpoint barrier or a watermark behind them
 * does not wait for seconds). The producer sees a new limit the next time the ring looks full to it.
 *
 * <p>Thread rules: {@code offer*}, {@code publish} and {@code remainingCapacity} are called by one producer
 * thread; {@code drain}, {@code isEmpty} and {@code limitCapacity} by one consumer thread; {@code size} and {@code capacity} by any
 * thread. The two threads may change over the ring's life only with a happens-before edge between the old and
 * the new thread (as a task moving between workers has).
 */
public final class RecordRing extends RecordRingFields {

    /** The largest capacity a ring can have. */
    public static final int MAX_CAPACITY = 1 << 30;

    /**
     * Creates an empty ring.
     *
     * @param capacity the least number of slots; rounded up to a power of two
     */
    public RecordRing(int capacity) {
        this(capacity, false);
    }

    /**
     * Creates an empty ring.
     *
     * @param capacity    the least number of slots; rounded up to a power of two
     * @param carriesKeys whether records may come with their key and key group ({@link #offerKeyed})
     */
    public RecordRing(int capacity, boolean carriesKeys) {
        super(roundUpToPowerOfTwo(capacity), carriesKeys);
    }

    private static int roundUpToPowerOfTwo(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("RecordRing capacity must be between 1 and " + MAX_CAPACITY
                    + " but was " + capacity + "; pick the exchange's queue size in that range");
        }
        return capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
    }

    /** Whether records may come with their key and key group. */
    public boolean carriesKeys() {
        return keys != null;
    }

    /** The number of slots, a power of two. */
    public int capacity() {
        return capacity;
    }

    // ---------------------------------------------------------------- producer side

    /**
     * Writes one item into the next free slot without making it visible to the consumer; call {@link #publish()}
     * after the batch. Producer thread only.
     *
     * @return {@code false} when the ring is full; the item was not taken and must be offered again later
     */
    public boolean offer(Object value, long timestamp) {
        final int slot = nextFreeSlot();
        if (slot < 0) {
            return false;
        }
        values[slot] = value;
        timestamps[slot] = timestamp;
        producerTail++;
        return true;
    }

    /**
     * The slot the next offered item goes to, or -1 when the ring is full up to its limit; reads the consumer's index
     * and the limit only then.
     */
    private int nextFreeSlot() {
        final long tail = producerTail;
        if (tail - consumerIndexCache >= limitCache) {
            consumerIndexCache = (long) CONSUMER_INDEX.getAcquire(this);
            limitCache = (int) LIMIT.getOpaque(this);
            if (tail - consumerIndexCache >= limitCache) {
                return -1;
            }
        }
        return (int) tail & mask;
    }

    /**
     * Offers a record with the key and key group the producer computed for it; see {@link #offer(Object, long)}.
     * Only on a ring that {@link #carriesKeys() carries keys}.
     */
    public boolean offerKeyed(Object value, long timestamp, Object key, int keyGroup) {
        final int slot = nextFreeSlot();
        if (slot < 0) {
            return false;
        }
        values[slot] = value;
        timestamps[slot] = timestamp;
        keys[slot] = key;
        keyGroups[slot] = keyGroup;
        producerTail++;
        return true;
    }

    /** Offers a watermark; see {@link #offer(Object, long)}. */
    public boolean offerWatermark(long watermark) {
        return offer(Marker.WATERMARK, watermark);
    }

    /** Offers an idleness change: {@code true} when the producer stopped emitting watermarks, {@code false} when it resumed. */
    public boolean offerIdleness(boolean idle) {
        return offer(idle ? Marker.IDLE : Marker.ACTIVE, Marker.NO_ARGUMENT);
    }

    /** Offers the end of input; the producer offers nothing after it. */
    public boolean offerEndOfInput() {
        return offer(Marker.END_OF_INPUT, Marker.NO_ARGUMENT);
    }

    /** Offers a checkpoint barrier carrying {@code checkpointId}. */
    public boolean offerBarrier(long checkpointId) {
        return offer(Marker.BARRIER, checkpointId);
    }

    /**
     * Makes every item offered so far visible to the consumer with one ordered write; does nothing when there is
     * nothing new. Producer thread only.
     */
    public void publish() {
        final long tail = producerTail;
        if (tail != producerIndex) {
            PRODUCER_INDEX.setRelease(this, tail);
        }
    }

    /** The number of items the producer can offer before the ring is full up to its limit, as of now; producer thread only. */
    public int remainingCapacity() {
        consumerIndexCache = (long) CONSUMER_INDEX.getAcquire(this);
        limitCache = (int) LIMIT.getOpaque(this);
        return (int) Math.max(0, limitCache - (producerTail - consumerIndexCache));
    }

    // ---------------------------------------------------------------- consumer side

    /**
     * Lets the producer fill at most {@code slots} slots from now on (clamped to 1 and the capacity); items already
     * in the ring stay. Consumer thread only.
     */
    public void limitCapacity(int slots) {
        LIMIT.setOpaque(this, Math.max(1, Math.min(capacity, slots)));
    }

    /** How many slots the producer may fill, as the consumer last {@linkplain #limitCapacity limited} it; any thread. */
    public int capacityLimit() {
        return (int) LIMIT.getOpaque(this);
    }

    /**
     * Hands up to {@code limit} published items to {@code handler} in order (a record that came with its key through
     * {@link RecordHandler#onKeyedRecord}), clears their slots and frees them
     * with one ordered write at the end. Stops early, leaving the rest in the ring, when
     * {@link RecordHandler#onControl} returns {@code true}. If the handler throws, the items handed over so far,
     * including the one that threw, count as consumed and the exception propagates. Consumer thread only.
     *
     * @return the number of items handed to the handler
     */
    public int drain(RecordHandler handler, int limit) {
        final long head = consumerIndex;
        long available = producerIndexCache - head;
        if (available < limit) {
            // Only a backlog of at least a full drain spares the read of the producer's line.
            producerIndexCache = (long) PRODUCER_INDEX.getAcquire(this);
            available = producerIndexCache - head;
        }
        final int count = (int) Math.min(available, limit);
        if (count <= 0) {
            return 0;
        }
        if (keys != null) {
            return drainKeyed(handler, head, count);
        }
        final Object[] values = this.values;
        final long[] timestamps = this.timestamps;
        final int mask = this.mask;
        int taken = 0;
        try {
            while (taken < count) {
                final int slot = (int) (head + taken) & mask;
                final Object value = values[slot];
                final long timestamp = timestamps[slot];
                values[slot] = null;
                taken++;
                if (value instanceof Marker) {
                    if (handler.onControl((Marker) value, timestamp)) {
                        break;
                    }
                } else {
                    handler.onRecord(value, timestamp);
                }
            }
        } finally {
            if (taken > 0) {
                CONSUMER_INDEX.setRelease(this, head + taken);
            }
        }
        return taken;
    }

    /** {@link #drain} of a ring that carries keys: a slot with a key is a record that came with its key. */
    private int drainKeyed(RecordHandler handler, long head, int count) {
        final Object[] values = this.values;
        final long[] timestamps = this.timestamps;
        final Object[] keys = this.keys;
        final int[] keyGroups = this.keyGroups;
        final int mask = this.mask;
        int taken = 0;
        try {
            while (taken < count) {
                final int slot = (int) (head + taken) & mask;
                final Object value = values[slot];
                final long timestamp = timestamps[slot];
                final Object key = keys[slot];
                values[slot] = null;
                taken++;
                if (key != null) {
                    keys[slot] = null;
                    handler.onKeyedRecord(value, timestamp, key, keyGroups[slot]);
                } else if (value instanceof Marker) {
                    if (handler.onControl((Marker) value, timestamp)) {
                        break;
                    }
                } else {
                    handler.onRecord(value, timestamp);
                }
            }
        } finally {
            if (taken > 0) {
                CONSUMER_INDEX.setRelease(this, head + taken);
            }
        }
        return taken;
    }

    /** Whether no published item is waiting; consumer thread only. */
    public boolean isEmpty() {
        final long head = consumerIndex;
        if (producerIndexCache > head) {
            return false;
        }
        producerIndexCache = (long) PRODUCER_INDEX.getAcquire(this);
        return producerIndexCache == head;
    }

    /**
     * The number of published items not yet drained, approximately; any thread. Meant for backpressure metrics,
     * never for control decisions.
     */
    public long size() {
        final long consumed = (long) CONSUMER_INDEX.getAcquire(this);
        final long published = (long) PRODUCER_INDEX.getAcquire(this);
        // Read in this order, published >= consumed holds; the clamp guards against a torn view anyway.
        return Math.max(0, Math.min(capacity, published - consumed));
    }
}
