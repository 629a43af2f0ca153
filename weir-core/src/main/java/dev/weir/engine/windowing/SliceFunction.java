package dev.weir.engine.windowing;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.ReduceFunction;

/**
 * How the slicing operator pre-aggregates: adds an element to a slice's partial aggregate, and combines the slices
 * of a window into its result without changing the slices (which later windows share).
 */
abstract class SliceFunction {
    /** The slice's new partial aggregate; {@code partial} is null for a new slice. */
    abstract Object add(Object partial, Object value) throws Exception;

    /** Starts a window's combination from its first slice. */
    abstract Object first(Object partial);

    /** Combines the next slice into the running combination of a window. */
    abstract Object combine(Object combined, Object partial) throws Exception;

    /** The window function's input: the reduced element, or the accumulator's result. */
    abstract Object result(Object combined, boolean single);

    static SliceFunction reducing(ReduceFunction<Object> function) {
        return new SliceFunction() {
            @Override
            Object add(Object partial, Object value) throws Exception {
                return partial == null ? value : function.reduce(partial, value);
            }

            @Override
            Object first(Object partial) {
                return partial;
            }

            @Override
            Object combine(Object combined, Object partial) throws Exception {
                return function.reduce(combined, partial);
            }

            @Override
            Object result(Object combined, boolean single) {
                return combined;
            }
        };
    }

    /**
     * A window of several slices merges into a fresh accumulator, so that an {@code AggregateFunction.merge} that
     * reuses its first argument never changes a slice.
     */
    static SliceFunction aggregating(AggregateFunction<Object, Object, Object> function) {
        return new SliceFunction() {
            @Override
            Object add(Object partial, Object value) {
                return function.add(value, partial == null ? function.createAccumulator() : partial);
            }

            @Override
            Object first(Object partial) {
                return partial;
            }

            @Override
            Object combine(Object combined, Object partial) {
                return function.merge(combined, partial);
            }

            @Override
            Object result(Object combined, boolean single) {
                return function.getResult(combined);
            }

            @Override
            Object startMany(Object partial) {
                return function.merge(function.createAccumulator(), partial);
            }
        };
    }

    /** The combination of a window with more than one slice, starting from its first slice. */
    Object startMany(Object partial) {
        return first(partial);
    }

    /** Whether {@link #result} is the window's elements (no pre-aggregation) rather than one value. */
    boolean resultIsElements() {
        return false;
    }

    /**
     * For window functions without pre-aggregation: a slice keeps its elements, each element is stored once however
     * many windows share it, and a window's elements come out in arrival order.
     */
    static SliceFunction buffering() {
        return new SliceFunction() {
            private long arrivals;

            @Override
            Object add(Object partial, Object value) {
                SliceBuffer buffer = partial == null ? new SliceBuffer() : (SliceBuffer) partial;
                buffer.add(value, arrivals++);
                return buffer;
            }

            @Override
            Object first(Object partial) {
                return partial;
            }

            @Override
            Object startMany(Object partial) {
                // One merge per key and window: a firing combines all keys' slices side by side.
                return new SliceMerge().start((SliceBuffer) partial);
            }

            @Override
            Object combine(Object combined, Object partial) {
                return ((SliceMerge) combined).add((SliceBuffer) partial);
            }

            @Override
            Object result(Object combined, boolean single) {
                return single ? ((SliceBuffer) combined).values : ((SliceMerge) combined).elements();
            }

            @Override
            boolean resultIsElements() {
                return true;
            }
        };
    }
}
