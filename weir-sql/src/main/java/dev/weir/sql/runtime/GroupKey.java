package dev.weir.sql.runtime;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The grouping key of several columns: their values and their hash, computed once when the key is made, so that
 * partitioning, keyed state and the window operator's slice tables hash a record's key without walking its fields
 * again. Equal values (arrays compared by content, as in {@link dev.weir.types.Row}) make equal keys.
 */
public final class GroupKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object[] values;
    private final int hash;

    GroupKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.deepHashCode(values);
    }

    /** The value of the key's {@code index}-th column. */
    public Object get(int index) {
        return values[index];
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GroupKey other) || other.hash != hash || other.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Objects.deepEquals(values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
