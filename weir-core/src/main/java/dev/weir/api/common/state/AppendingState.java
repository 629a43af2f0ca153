package dev.weir.api.common.state;

/** State that elements are added to and read as a whole. */
public interface AppendingState<IN, OUT> extends State {
    /** The current value, or null when nothing was added for the current key. */
    OUT get() throws Exception;

    void add(IN value) throws Exception;
}
