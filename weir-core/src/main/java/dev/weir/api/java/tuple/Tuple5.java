package dev.weir.api.java.tuple;

import java.util.Objects;

/** A tuple with five public, mutable fields {@code f0}, {@code f1}, {@code f2}, {@code f3}, {@code f4}, as in Flink. */
public class Tuple5<T0, T1, T2, T3, T4> extends Tuple {
    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** Field 1. */
    public T1 f1;

    /** Field 2. */
    public T2 f2;

    /** Field 3. */
    public T3 f3;

    /** Field 4. */
    public T4 f4;

    /** A tuple whose fields are all {@code null}, to be set later. */
    public Tuple5() {
    }

    /** A tuple holding the given values. */
    public Tuple5(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
    }

    /** A tuple holding the given values, with the field types inferred. */
    public static <T0, T1, T2, T3, T4> Tuple5<T0, T1, T2, T3, T4> of(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4) {
        return new Tuple5<>(f0, f1, f2, f3, f4);
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
    }

    @Override
    public int getArity() {
        return 5;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0: return (T) f0;
            case 1: return (T) f1;
            case 2: return (T) f2;
            case 3: return (T) f3;
            case 4: return (T) f4;
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
            case 2:
                this.f2 = (T2) value;
                break;
            case 3:
                this.f3 = (T3) value;
                break;
            case 4:
                this.f4 = (T4) value;
                break;
            default:
                throw fieldOutOfRange(pos);
        }
    }

    @Override
    public Tuple5<T0, T1, T2, T3, T4> copy() {
        return new Tuple5<>(f0, f1, f2, f3, f4);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple5)) {
            return false;
        }
        Tuple5<?, ?, ?, ?, ?> other = (Tuple5<?, ?, ?, ?, ?>) o;
        return Objects.equals(f0, other.f0)
            && Objects.equals(f1, other.f1)
            && Objects.equals(f2, other.f2)
            && Objects.equals(f3, other.f3)
            && Objects.equals(f4, other.f4);
    }

    @Override
    public int hashCode() {
        int result = Objects.hashCode(f0);
        result = 31 * result + Objects.hashCode(f1);
        result = 31 * result + Objects.hashCode(f2);
        result = 31 * result + Objects.hashCode(f3);
        result = 31 * result + Objects.hashCode(f4);
        return result;
    }

    @Override
    public String toString() {
        return "(" + fieldToString(f0)
            + "," + fieldToString(f1)
            + "," + fieldToString(f2)
            + "," + fieldToString(f3)
            + "," + fieldToString(f4)
            + ")";
    }
}
