package dev.weir.engine.exchange;

import dev.weir.api.java.functions.KeySelector;
import java.util.Objects;

/**
 * Sends each record to the channel owning its key's key group (Flink's keyBy), so every record with one key
 * reaches the same subtask. Keys are checked on the way: a selector that throws, a null key or an identity-hashed
 * key fails with an {@link IllegalKeyException} naming the fix.
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
        return keyToChannel.channelOf(keyChecks.keyOf(keySelector, value));
    }
}
