package dev.weir.streaming.api.windowing.triggers;

import dev.weir.api.common.functions.ReduceFunction;

/** Keeps the smaller of two timestamps; the state function of the continuous triggers. */
final class Min implements ReduceFunction<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long reduce(Long value1, Long value2) {
        return Math.min(value1, value2);
    }
}
