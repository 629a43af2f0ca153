package dev.weir.api.java.tuple;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The base of Flink-style tuples {@link Tuple0} to {@link Tuple25}: a fixed number of public, mutable, positional
 * fields {@code f0..fN}, compared by value and printed as {@code (a,b)}.
 */
public abstract class Tuple implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The widest tuple, as in Flink; wider records are better expressed as a POJO. */
    public static final int MAX_ARITY = 25;

    private static final Class<?>[] CLASSES = {
        Tuple0.class, Tuple1.class, Tuple2.class, Tuple3.class, Tuple4.class, Tuple5.class, Tuple6.class, Tuple7.class,
        Tuple8.class, Tuple9.class, Tuple10.class, Tuple11.class, Tuple12.class, Tuple13.class, Tuple14.class,
        Tuple15.class, Tuple16.class, Tuple17.class, Tuple18.class, Tuple19.class, Tuple20.class, Tuple21.class,
        Tuple22.class, Tuple23.class, Tuple24.class, Tuple25.class
    };

    /** The number of fields of this tuple. */
    public abstract int getArity();

    /** The field at {@code pos} (0-based), cast to what the caller expects. */
    public abstract <T> T getField(int pos);

    /** Sets the field at {@code pos} (0-based). */
    public abstract <T> void setField(T value, int pos);

    /**
     * A shallow copy: a new tuple of the same arity referencing the same field values. Each {@code TupleN} narrows
     * the return type to itself; unlike Flink's generic signature, this one gives user subclasses no unchecked warning.
     */
    public abstract Tuple copy();

    /** The field at {@code pos}, failing with a message naming the position when it is {@code null}. */
    public <T> T getFieldNotNull(int pos) {
        T field = getField(pos);
        if (field == null) {
            throw new NullPointerException("field f" + pos + " of " + getClass().getSimpleName()
                + " is null where a value is required: set it before using the tuple as a key or aggregate");
        }
        return field;
    }

    /** The tuple class with {@code arity} fields, e.g. {@code Tuple2.class} for 2. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Tuple> getTupleClass(int arity) {
        checkArity(arity);
        return (Class<? extends Tuple>) CLASSES[arity];
    }

    /** A new tuple with {@code arity} fields, all {@code null} ({@link Tuple0#INSTANCE} for 0). */
    public static Tuple newInstance(int arity) {
        checkArity(arity);
        if (arity == 0) {
            return Tuple0.INSTANCE;
        }
        try {
            return (Tuple) CLASSES[arity].getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Tuple" + arity + " has no public no-argument constructor", e);
        }
    }

    private static void checkArity(int arity) {
        if (arity < 0 || arity > MAX_ARITY) {
            throw new IllegalArgumentException("Tuples have arity 0 to " + MAX_ARITY + ", not " + arity
                + ": use a POJO (a class with public fields or getters and setters) for wider records");
        }
    }

    /** The exception for a position outside {@code 0..arity-1}, naming the valid range. */
    protected final IndexOutOfBoundsException fieldOutOfRange(int pos) {
        return new IndexOutOfBoundsException(getClass().getSimpleName() + " has no field at position " + pos
            + (getArity() == 0 ? ": it has no fields" : ": valid positions are 0 to " + (getArity() - 1)));
    }

    /** {@code String.valueOf(field)}, except that arrays print their content, nested arrays included. */
    protected static String fieldToString(Object field) {
        if (field == null || !field.getClass().isArray()) {
            return String.valueOf(field);
        }
        String wrapped = Arrays.deepToString(new Object[] {field});
        return wrapped.substring(1, wrapped.length() - 1);
    }
}
