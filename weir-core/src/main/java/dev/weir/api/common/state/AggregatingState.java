package dev.weir.api.common.state;

/** An accumulator per key fed through the descriptor's {@code AggregateFunction}; {@link #get} is its result. */
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {
}
