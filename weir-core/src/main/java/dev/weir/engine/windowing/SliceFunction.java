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
        return new Aggregating(function);
    }

    /**
     * As {@link #aggregating}, for the slicing operator's tables: accumulators whose fields are all primitive are
     * kept in the tables' own arrays ({@link FlatAggregatingSlices}).
     */
    static SliceFunction aggregatingInTables(AggregateFunction<Object, Object, Object> function) {
        PrimitiveFields fields = PrimitiveFields.of(FlatAggregatingSlices.accumulatorClass(function));
        return fields == null ? new Aggregating(function) : new FlatAggregatingSlices(function, fields);
    }

    /** An {@code AggregateFunction}'s accumulators as objects. */
    static class Aggregating extends SliceFunction {
        final AggregateFunction<Object, Object, Object> function;

        Aggregating(AggregateFunction<Object, Object, Object> function) {
            this.function = function;
        }

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
    }

    /** The combination of a window with more than one slice, starting from its first slice. */
    Object startMany(Object partial) {
        return first(partial);
    }

    /** Whether {@link #result} is the window's elements (no pre-aggregation) rather than one value. */
    boolean resultIsElements() {
        return false;
    }

    /** Longs per entry a {@link SliceTable} keeps for this function's partials; 0 when they are objects. */
    int flatWidth() {
        return 0;
    }

    /**
     * Adds {@code value} to the partial in {@code table}'s {@code slot}, just looked up (or added) by its key. The slot
     * is written only when the partial is another object: a reduce that keeps the held element (a running maximum) or
     * an accumulator changed in place leaves it as it is, which skips the GC's write barrier, a fence when the table is
     * in the old generation (about 8 ns of 26 per element in a reduce into an old table, issue 22).
     */
    void addTo(SliceTable table, int slot, Object value) throws Exception {
        Object held = table.value(slot);
        Object partial = add(held, value);
        if (partial != held) {
            table.setValue(slot, partial);
        }
    }

    /** Gives the new entry {@code slot} of {@code into} the partial of {@code from}'s slot {@code j}, shared. */
    void copyInto(SliceTable into, int slot, SliceTable from, int j) {
        into.setValue(slot, from.value(j));
    }

    /**
     * Combines {@code from}'s partial in slot {@code j} into {@code into}'s in {@code slot}; {@code owned} when that is
     * already a combination of this window (no slice shares it), so it may change in place.
     */
    void combineInto(SliceTable into, int slot, boolean owned, SliceTable from, int j) throws Exception {
        Object existing = into.value(slot);
        into.setValue(slot, combine(owned ? existing : startMany(existing), from.value(j)));
    }

    /**
     * Combines {@code from}'s partial in slot {@code j}, the earlier one, with {@code into}'s in {@code slot}, which may
     * be shared with another table (so it is never changed), and keeps the combination in {@code into}'s slot.
     */
    void combineBefore(SliceTable into, int slot, SliceTable from, int j) throws Exception {
        into.setValue(slot, combine(startMany(from.value(j)), into.value(slot)));
    }

    /**
     * The window function's input for a key held by both {@code earlier}'s slot {@code i} and {@code later}'s slot
     * {@code j}: their combination in time order, changing neither.
     */
    Object resultOfBoth(SliceTable earlier, int i, SliceTable later, int j) throws Exception {
        return result(combine(startMany(earlier.value(i)), later.value(j)), false);
    }

    /** The window function's input from {@code table}'s {@code slot}. */
    Object resultOf(SliceTable table, int slot) {
        return result(table.value(slot), table.single(slot));
    }

    /** The partial in {@code table}'s {@code slot} as an object, as checkpoints hold it. */
    Object partialOf(SliceTable table, int slot) {
        return table.value(slot);
    }

    /** Puts a restored partial into {@code table}'s {@code slot}. */
    void restoreInto(SliceTable table, int slot, Object partial) {
        table.setValue(slot, partial);
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
