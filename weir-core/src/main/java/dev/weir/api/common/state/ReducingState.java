package dev.weir.api.common.state;

/** A value per key that each {@link #add} combines with the descriptor's {@code ReduceFunction}. */
public interface ReducingState<T> extends AppendingState<T, T> {
}
