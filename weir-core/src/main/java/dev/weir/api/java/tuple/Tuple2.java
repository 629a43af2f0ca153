package dev.weir.api.java.tuple;

import java.util.Objects;

/** A tuple with two public, mutable fields {@code f0}, {@code f1}, as in Flink. */
public class Tuple2<T0, T1> extends Tuple {
    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** Field 1. */
    public T1 f1;

    /** A tuple whose fields are all {@code null}, to be set later. */
    public Tuple2() {
    }

    /** A tuple holding the given values. */
    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    /** A tuple holding the given values, with the field types inferred. */
    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    /** A new tuple with the two fields exchanged; this tuple is unchanged. */
    public Tuple2<T1, T0> swap() {
        return new Tuple2<>(f1, f0);
    }

    @Override
    public int getArity() {
        return 2;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0: return (T) f0;
            case 1: return (T) f1;
            default: throw fieldOutOfRange(pos);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0:
                this.f0 = (T0) value;
                break;
            case 1:
                this.f1 = (T1) value;
                break;
            default:
                throw fieldOutOfRange(pos);
        }
    }

    @Override
    public Tuple2<T0, T1> copy() {
        return new Tuple2<>(f0, f1);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple2)) {
            return false;
        }
        Tuple2<?, ?> other = (Tuple2<?, ?>) o;
        return Objects.equals(f0, other.f0) && Objects.equals(f1, other.f1);
    }

    @Override
    public int hashCode() {
        int result = Objects.hashCode(f0);
        result = 31 * result + Objects.hashCode(f1);
        return result;
    }

    @Override
    public String toString() {
        return "(" + fieldToString(f0) + "," + fieldToString(f1) + ")";
    }
}
