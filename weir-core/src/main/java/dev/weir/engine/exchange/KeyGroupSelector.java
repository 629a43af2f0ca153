package dev.weir.engine.exchange;

import dev.weir.api.java.functions.KeySelector;
import java.util.Objects;

/**
 * Sends each record to the channel owning its key's key group (Flink's keyBy), so every record with one key
 * reaches the same subtask. Keys are checked on the way: a selector that throws, a null key or an identity-hashed
 * key fails with an {@link IllegalKeyException} naming the fix.
 *
 * <p>On an edge whose rings carry keys, {@link #emitKeyed} sends the key and key group it computed with the record, so
 * the consumer sets its current key without extracting and hashing it again.
 */
public final class KeyGroupSelector implements ChannelSelector {

    private final KeySelector<Object, Object> keySelector;
    private final KeyToChannel keyToChannel;
    private final KeyChecks keyChecks;

    /**
     * @param keySelector  the user's key selector; its key type must have value-based equals and hashCode
     * @param keyToChannel the key-group assignment for this edge's maxParallelism and number of channels
     * @param where        the operator partitioning, as named in error messages
     */
    @SuppressWarnings("unchecked")
    public KeyGroupSelector(KeySelector<?, ?> keySelector, KeyToChannel keyToChannel, String where) {
        this.keySelector = (KeySelector<Object, Object>) Objects.requireNonNull(keySelector, "keySelector");
        this.keyToChannel = Objects.requireNonNull(keyToChannel, "keyToChannel");
        this.keyChecks = new KeyChecks(Objects.requireNonNull(where, "where"));
    }

    @Override
    public int select(Object value) {
        return keyToChannel.channelOf(keyToChannel.keyGroupOf(keyChecks.keyOf(keySelector, value)));
    }

    /**
     * Emits {@code value} to the channel owning its key's group, with the key and key group, into rings that
     * {@linkplain RecordRing#carriesKeys() carry keys}. Passed along rather than kept in fields for a later call: that
     * would be two stores per record, one of them a reference the collector's write barrier checks.
     */
    void emitKeyed(OutboundChannel[] channels, Object value, long timestamp) {
        final Object key = keyChecks.keyOf(keySelector, value);
        final int keyGroup = keyToChannel.keyGroupOf(key);
        channels[keyToChannel.channelOf(keyGroup)].emitKeyed(value, timestamp, key, keyGroup);
    }
}
