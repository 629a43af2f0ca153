package dev.weir.python;

import java.io.Serializable;

/**
 * A record after a Python {@code key_by}: the key the Python key selector computed beside the value, so Weir's keyed
 * operators read the key without calling back into Python.
 */
record Keyed(Object key, Object value) implements Serializable {
    /** The record a Python function sees: a keyed record's value, any other record itself. */
    static Object plain(Object record) {
        return record instanceof Keyed keyed ? keyed.value() : record;
    }

    /** Flink prints what the user's stream holds, so the key stays invisible. */
    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
