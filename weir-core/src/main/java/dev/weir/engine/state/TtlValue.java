package dev.weir.engine.state;

import java.io.Serializable;

/**
 * A user value with the processing time it was last written (or read, by the TTL config): the stored form of every
 * value of a state with a time to live, and of each list element and map value of such a state.
 */
public final class TtlValue implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object userValue;
    private final long lastAccessTimestamp;

    public TtlValue(Object userValue, long lastAccessTimestamp) {
        this.userValue = userValue;
        this.lastAccessTimestamp = lastAccessTimestamp;
    }

    public Object getUserValue() {
        return userValue;
    }

    public long getLastAccessTimestamp() {
        return lastAccessTimestamp;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TtlValue)) {
            return false;
        }
        TtlValue other = (TtlValue) o;
        return lastAccessTimestamp == other.lastAccessTimestamp && java.util.Objects.equals(userValue, other.userValue);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(userValue) + Long.hashCode(lastAccessTimestamp);
    }

    @Override
    public String toString() {
        return "TtlValue{" + userValue + " @" + lastAccessTimestamp + "}";
    }
}
