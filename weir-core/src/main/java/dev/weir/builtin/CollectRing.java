package dev.weir.builtin;

/**
 * One {@link CollectSink} writer's elements on their way to the consumer: a bounded ring with one producer (the
 * writer's thread) and one consumer (the iterator's thread), no lock and no allocation per element.
 *
 * <p>{@code tail} and {@code head} are volatile because each side, after moving its own index, reads whether the other
 * side has parked waiting for it: the volatile write orders the two, so that a side about to park, which announces
 * itself and then looks at the index again, and a side that moves the index and then looks for a parked peer cannot
 * both miss each other.
 */
final class CollectRing {
    private final Object[] slots;
    /** Elements published; written by the producer only. */
    private volatile long tail;
    /** Elements taken; written by the consumer only. */
    private volatile long head;
    /** The producer's slot for the next element and its last look at {@code head} (spares a volatile read). */
    private int writeSlot;
    private long headSeen;
    /** The consumer's slot for the next element. */
    private int readSlot;
    /** Set after the writer's last element: everything published before it is visible to whoever reads it. */
    volatile boolean finished;
    /** The producer, while it is parked on a full ring. */
    volatile Thread parkedProducer;

    CollectRing(int capacity) {
        this.slots = new Object[capacity];
    }

    /** Producer side: publishes {@code element}, or returns {@code false} while the ring is full. */
    boolean offer(Object element) {
        long t = tail;
        if (t - headSeen == slots.length) {
            headSeen = head;
            if (t - headSeen == slots.length) {
                return false;
            }
        }
        int slot = writeSlot;
        slots[slot] = element;
        writeSlot = slot + 1 == slots.length ? 0 : slot + 1;
        tail = t + 1;
        return true;
    }

    /** Producer side: whether the ring is full, read fresh. */
    boolean isFull() {
        return tail - head == slots.length;
    }

    /** Consumer side: the oldest element, or {@code null} when the ring is empty; wakes a producer parked on it. */
    Object poll() {
        long h = head;
        if (h == tail) {
            return null;
        }
        int slot = readSlot;
        Object element = slots[slot];
        slots[slot] = null;
        readSlot = slot + 1 == slots.length ? 0 : slot + 1;
        head = h + 1;
        Thread producer = parkedProducer;
        if (producer != null) {
            java.util.concurrent.locks.LockSupport.unpark(producer);
        }
        return element;
    }

    /** Consumer side: drops what was published and not taken. */
    void clear() {
        while (poll() != null) {
            // Each poll also releases a producer parked on the full ring.
        }
    }
}
