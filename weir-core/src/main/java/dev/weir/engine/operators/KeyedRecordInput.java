package dev.weir.engine.operators;

/**
 * A keyed one-input operator that takes an element together with the key and key group its producer computed to
 * route it (a keyed exchange's ring carries them), instead of extracting and hashing the key a second time.
 */
public interface KeyedRecordInput {
    /**
     * Processes one element whose key the edge's key selector gave and whose key group was computed with this
     * operator's max parallelism; {@code timestamp} is {@link Output#NO_TIMESTAMP} when it has none.
     */
    void processKeyedElement(Object value, long timestamp, Object key, int keyGroup) throws Exception;
}
