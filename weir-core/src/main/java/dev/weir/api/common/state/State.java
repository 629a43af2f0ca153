package dev.weir.api.common.state;

/** Keyed state: every access is scoped to the key of the element (or timer) being processed. */
public interface State {
    /** Removes the value for the current key. */
    void clear();
}
