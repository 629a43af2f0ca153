package dev.weir.api.java.tuple;

import java.util.Objects;

/** A tuple with one public, mutable field {@code f0}, as in Flink. */
public class Tuple1<T0> extends Tuple {
    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** A tuple whose fields are all {@code null}, to be set later. */
    public Tuple1() {
    }

    /** A tuple holding the given values. */
    public Tuple1(T0 f0) {
        this.f0 = f0;
    }

    /** A tuple holding the given values, with the field types inferred. */
    public static <T0> Tuple1<T0> of(T0 f0) {
        return new Tuple1<>(f0);
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0) {
        this.f0 = f0;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0: return (T) f0;
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
            default:
                throw fieldOutOfRange(pos);
        }
    }

    @Override
    public Tuple1<T0> copy() {
        return new Tuple1<>(f0);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple1)) {
            return false;
        }
        Tuple1<?> other = (Tuple1<?>) o;
        return Objects.equals(f0, other.f0);
    }

    @Override
    public int hashCode() {
        int result = Objects.hashCode(f0);
        return result;
    }

    @Override
    public String toString() {
        return "(" + fieldToString(f0) + ")";
    }
}
