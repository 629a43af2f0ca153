package dev.weir.sql.runtime;

import java.io.Serializable;

/**
 * The key of a single-column GROUP BY whose value is NULL: keyed streams take no null keys, and SQL groups all NULLs
 * together. Every instance equals every other and hashes to 0, so a key restored from a checkpoint (a new instance)
 * finds its group and key group again.
 */
public final class NullKey implements Serializable {
    private static final long serialVersionUID = 1L;
    static final NullKey INSTANCE = new NullKey();

    @Override
    public boolean equals(Object o) {
        return o instanceof NullKey;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "NULL";
    }
}
