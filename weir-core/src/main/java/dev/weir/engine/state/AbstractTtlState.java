package dev.weir.engine.state;

/**
 * Base of the states with a time to live, kept apart from the plain heap states so that state without a TTL pays
 * nothing for it. Values are stored as {@link TtlValue}s.
 */
abstract class AbstractTtlState<N> extends AbstractHeapState<N> {
    final TtlPolicy ttl;

    AbstractTtlState(StateTable table, TtlPolicy ttl) {
        super(table);
        this.ttl = ttl;
    }

    /**
     * The current key's value as the user may see it: null when absent, or when expired and not visible. An expired
     * value is removed; a visible one is refreshed when the TTL is updated on read.
     */
    final Object readVisible() {
        TtlValue stored = (TtlValue) table.get(currentNamespace);
        if (stored == null) {
            return null;
        }
        long now = ttl.now();
        if (ttl.isExpired(stored, now)) {
            table.remove(currentNamespace);
            return ttl.returnExpired() ? stored.getUserValue() : null;
        }
        if (ttl.refreshOnRead()) {
            table.put(currentNamespace, ttl.wrap(stored.getUserValue(), now));
        }
        return stored.getUserValue();
    }

    /** The current key's value if not expired, for read-modify-write: an expired value is never merged into. */
    final Object readUnexpired() {
        TtlValue stored = (TtlValue) table.get(currentNamespace);
        if (stored == null || ttl.isExpired(stored, ttl.now())) {
            return null;
        }
        return stored.getUserValue();
    }

    final void write(Object userValue) {
        table.put(currentNamespace, ttl.wrap(userValue, ttl.now()));
    }
}
