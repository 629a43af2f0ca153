package dev.weir.engine.exchange;

/**
 * Receives the items {@link RecordRing#drain(RecordHandler, int)} takes from a ring, on the consumer thread, in
 * the order they were offered. An implementation is created once per input and reused for every drain.
 */
public interface RecordHandler {

    /** Called for a data record; {@code value} is the producer's object itself, never a copy. */
    void onRecord(Object value, long timestamp);

    /**
     * Called for a data record that came with the key and key group its producer computed (a ring that carries keys);
     * {@code key} is never null. The default ignores them.
     */
    default void onKeyedRecord(Object value, long timestamp, Object key, int keyGroup) {
        onRecord(value, timestamp);
    }

    /**
     * Called for a control item. Returning {@code true} ends the drain after this item and leaves the items
     * behind it in the ring; a task returns {@code true} for a checkpoint barrier to block the channel until
     * every input delivered that barrier.
     *
     * @param argument the watermark for {@link Marker#WATERMARK}, the checkpoint id for {@link Marker#BARRIER},
     *                 {@link Marker#NO_ARGUMENT} otherwise
     */
    boolean onControl(Marker marker, long argument);
}
