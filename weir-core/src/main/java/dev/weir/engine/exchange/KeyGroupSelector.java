package dev.weir.engine.exchange;

import dev.weir.api.java.functions.KeySelector;
import java.util.Objects;

/**
 * Sends each record to the channel owning its key's key group (Flink's keyBy), so every record with one key
 * reaches the same subtask. Keys are checked on the way: a selector that throws, a null key or an identity-hashed
 * key fails with an {@link IllegalKeyException} naming the fix.
 *
 * <p>After each {@link #select}, {@link #selectedKey()} and {@link #selectedKeyGroup()} hold what it computed, so a
 * {@link RecordWriter} can send them with the record and the consumer sets its current key without extracting and
 * hashing it again.
 */
public final class KeyGroupSelector implements ChannelSelector {

    private final KeySelector<Object, Object> keySelector;
    private final KeyToChannel keyToChannel;
    private final KeyChecks keyChecks;
    private Object selectedKey;
    private int selectedKeyGroup;

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
        final Object key = keyChecks.keyOf(keySelector, value);
        final int keyGroup = keyToChannel.keyGroupOf(key);
        selectedKey = key;
        selectedKeyGroup = keyGroup;
        return keyToChannel.channelOf(keyGroup);
    }

    /** The key of the record last {@linkplain #select selected}. */
    public Object selectedKey() {
        return selectedKey;
    }

    /** The key group of the record last {@linkplain #select selected}. */
    public int selectedKeyGroup() {
        return selectedKeyGroup;
    }
}
