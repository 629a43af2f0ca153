package dev.weir.plan.aggregation;

import dev.weir.api.java.tuple.Tuple;

/** Reads and writes a tuple field by position. */
final class TupleFieldStep implements FieldStep {
    private final int position;

    TupleFieldStep(int position) {
        this.position = position;
    }

    @Override
    public Object get(Object holder) {
        return ((Tuple) holder).getField(position);
    }

    @Override
    public void set(Object holder, Object value) {
        ((Tuple) holder).setField(value, position);
    }

    @Override
    public String name() {
        return "f" + position;
    }
}
