package dev.weir.engine.exchange;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * The field layout of RecordRing, kept apart from its logic. The JVM lays out a superclass's fields before its
 * subclass's, so each padding class pushes the next group of fields onto cache lines of its own: the producer's
 * indices, the consumer's indices and the read-only arrays never share a line, and the producer writing its
 * index does not invalidate the line the consumer reads its own index from. 128 bytes of padding rather than 64
 * because adjacent-line prefetching pairs cache lines.
 */

/** Padding before the producer's fields, against whatever object precedes the ring in memory. */
abstract class RecordRingPadding0 {
    long p000, p001, p002, p003, p004, p005, p006, p007;
    long p010, p011, p012, p013, p014, p015, p016, p017;
}

/** Fields written only by the producer thread. */
abstract class RecordRingProducerFields extends RecordRingPadding0 {
    /** Published end: slots below it are visible to the consumer. Written with release semantics. */
    long producerIndex;
    /** Next slot the producer writes; runs ahead of producerIndex until publish(). */
    long producerTail;
    /** The producer's last read of consumerIndex; stale but never ahead of the real value. */
    long consumerIndexCache;
    /** The producer's last read of limit: it fills the ring only this far. */
    int limitCache;
}

/** Padding between the producer's and the consumer's fields. */
abstract class RecordRingPadding1 extends RecordRingProducerFields {
    long p100, p101, p102, p103, p104, p105, p106, p107;
    long p110, p111, p112, p113, p114, p115, p116, p117;
}

/** Fields written only by the consumer thread. */
abstract class RecordRingConsumerFields extends RecordRingPadding1 {
    /** Next slot the consumer reads; slots below it are free. Written with release semantics. */
    long consumerIndex;
    /** The consumer's last read of producerIndex; stale but never ahead of the real value. */
    long producerIndexCache;
    /**
     * How many slots the producer may fill, at most the capacity: set by the consumer (buffer debloating), read by
     * the producer only when its cached view says the ring is full. Written and read opaquely.
     */
    int limit;
}

/** Padding between the consumer's fields and the read-only fields. */
abstract class RecordRingPadding2 extends RecordRingConsumerFields {
    long p200, p201, p202, p203, p204, p205, p206, p207;
    long p210, p211, p212, p213, p214, p215, p216, p217;
}

/** The read-only fields of a RecordRing and the handles for ordered access to its two published indices. */
abstract class RecordRingFields extends RecordRingPadding2 {
    static final VarHandle PRODUCER_INDEX;
    static final VarHandle CONSUMER_INDEX;
    static final VarHandle LIMIT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(RecordRingProducerFields.class, "producerIndex", long.class);
            CONSUMER_INDEX = lookup.findVarHandle(RecordRingConsumerFields.class, "consumerIndex", long.class);
            LIMIT = lookup.findVarHandle(RecordRingConsumerFields.class, "limit", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Object[] values;
    final long[] timestamps;
    /** A keyed edge's ring: each record's key as the producer extracted it, null for markers; else null. */
    final Object[] keys;
    /** A keyed edge's ring: each record's key group; else null. */
    final int[] keyGroups;
    final int mask;
    final int capacity;

    RecordRingFields(int capacity, boolean carriesKeys) {
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.limit = capacity;
        this.limitCache = capacity;
        this.values = new Object[capacity];
        this.timestamps = new long[capacity];
        this.keys = carriesKeys ? new Object[capacity] : null;
        this.keyGroups = carriesKeys ? new int[capacity] : null;
    }
}
