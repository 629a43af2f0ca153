package dev.weir.api.common.state;

/** One value per key; {@link #value()} is null (or the descriptor's default) when none was set. */
public interface ValueState<T> extends State {
    T value() throws Exception;

    void update(T value) throws Exception;
}
