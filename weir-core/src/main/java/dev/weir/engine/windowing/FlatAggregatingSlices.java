package dev.weir.engine.windowing;

import dev.weir.api.common.functions.AggregateFunction;

/**
 * An {@code AggregateFunction} whose accumulator class has only primitive fields, its partials kept in the slice
 * tables' {@code long[]} ({@link SliceTable#flat()}) rather than as one object per key and slice: no accumulator
 * lives on the heap between elements, so a firing and a young collection walk arrays instead of scattered objects.
 *
 * <p>The function sees Flink's calls in Flink's order: {@code createAccumulator} for a key's first element of a slice,
 * then {@code add} on an accumulator holding the partial (one scratch instance, loaded from the table and stored back
 * after the call, whatever object {@code add} returns); {@code merge} on two such instances; {@code getResult} on a
 * fresh accumulator per result, since the result may be the accumulator itself and is emitted by reference. What
 * {@code add} or {@code merge} returns that is not an instance of the accumulator's exact class is kept as an object
 * in the entry's value slot, as {@link Aggregating} keeps every partial.
 */
final class FlatAggregatingSlices extends SliceFunction.Aggregating {
    private final PrimitiveFields fields;
    private final int width;
    /** Instances the table's partials are loaded into for {@code add} and {@code merge}; created on first use. */
    private Object scratch;
    private Object scratchOther;

    FlatAggregatingSlices(AggregateFunction<Object, Object, Object> function, PrimitiveFields fields) {
        super(function);
        this.fields = fields;
        this.width = fields.width;
    }

    /** The class {@code createAccumulator} declares (its most specific return type); Object when generic. */
    static Class<?> accumulatorClass(AggregateFunction<?, ?, ?> function) {
        try {
            return function.getClass().getMethod("createAccumulator").getReturnType();
        } catch (NoSuchMethodException e) {
            return Object.class;
        }
    }

    @Override
    int flatWidth() {
        return width;
    }

    @Override
    void addTo(SliceTable table, int slot, Object value) {
        Object held = table.valueIfAny(slot);
        if (held != null) {
            table.setValue(slot, function.add(value, held));
            return;
        }
        // Two calls rather than one on either accumulator: a new accumulator that flows only into add and put never
        // escapes, so the JIT can leave it unallocated.
        if (table.added()) {
            put(table, slot, function.add(value, function.createAccumulator()));
        } else {
            put(table, slot, function.add(value, load(scratch(), table, slot)));
        }
    }

    @Override
    void copyInto(SliceTable into, int slot, SliceTable from, int j) {
        Object held = from.valueIfAny(j);
        if (held != null) {
            into.setValue(slot, held);
        } else {
            System.arraycopy(from.flat(), j * width, into.flat(), slot * width, width);
        }
    }

    @Override
    void combineInto(SliceTable into, int slot, boolean owned, SliceTable from, int j) {
        Object held = into.valueIfAny(slot);
        Object other = from.valueIfAny(j);
        if (held == null && other == null) {
            put(into, slot, function.merge(load(scratch(), into, slot), load(scratchOther(), from, j)));
            return;
        }
        Object combined = held == null ? load(scratch(), into, slot) : owned ? held : startMany(held);
        put(into, slot, function.merge(combined, other == null ? load(scratchOther(), from, j) : other));
    }

    @Override
    void combineBefore(SliceTable into, int slot, SliceTable from, int j) {
        Object earlier = from.valueIfAny(j);
        Object later = into.valueIfAny(slot);
        Object first = earlier == null ? load(scratch(), from, j) : startMany(earlier);
        put(into, slot, function.merge(first, later == null ? load(scratchOther(), into, slot) : later));
    }

    @Override
    Object resultOfBoth(SliceTable earlier, int i, SliceTable later, int j) {
        Object held = earlier.valueIfAny(i);
        Object first = held == null ? load(scratch(), earlier, i) : startMany(held);
        Object other = later.valueIfAny(j);
        Object merged = function.merge(first, other == null ? load(scratchOther(), later, j) : other);
        // The result is emitted by reference: a scratch instance merge handed back leaves with it and is replaced.
        if (merged == scratch) {
            scratch = null;
        } else if (merged == scratchOther) {
            scratchOther = null;
        }
        return function.getResult(merged);
    }

    @Override
    Object resultOf(SliceTable table, int slot) {
        return function.getResult(partialOf(table, slot));
    }

    @Override
    Object partialOf(SliceTable table, int slot) {
        Object held = table.valueIfAny(slot);
        return held != null ? held : load(function.createAccumulator(), table, slot);
    }

    @Override
    void restoreInto(SliceTable table, int slot, Object partial) {
        put(table, slot, partial);
    }

    /** Keeps {@code accumulator} as the entry's partial: in the table's longs when it is of the exact class. */
    private void put(SliceTable table, int slot, Object accumulator) {
        if (accumulator != null && accumulator.getClass() == fields.type) {
            fields.store(accumulator, table.flat(), slot * width);
            if (table.valueIfAny(slot) != null) {
                table.setValue(slot, null);
            }
        } else {
            table.setValue(slot, accumulator);
        }
    }

    /**
     * Loads a flat entry into {@code target}, an accumulator {@code createAccumulator} made: of the declared class, or
     * of a subclass, whose own fields then keep their initial values.
     */
    private Object load(Object target, SliceTable table, int slot) {
        fields.load(target, table.flat(), slot * width);
        return target;
    }

    private Object scratch() {
        if (scratch == null) {
            scratch = function.createAccumulator();
        }
        return scratch;
    }

    private Object scratchOther() {
        if (scratchOther == null) {
            scratchOther = function.createAccumulator();
        }
        return scratchOther;
    }
}
