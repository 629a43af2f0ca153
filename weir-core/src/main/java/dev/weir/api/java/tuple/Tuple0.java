package dev.weir.api.java.tuple;

/** The tuple without fields; {@link #INSTANCE} is the one to use, and every {@code Tuple0} equals every other. */
public class Tuple0 extends Tuple {
    private static final long serialVersionUID = 1L;

    /** The shared empty tuple. */
    public static final Tuple0 INSTANCE = new Tuple0();

    /** Prefer {@link #INSTANCE}; this constructor exists for frameworks that instantiate by reflection. */
    public Tuple0() {
    }

    /** The shared empty tuple, for symmetry with {@code Tuple2.of(a, b)}. */
    public static Tuple0 of() {
        return INSTANCE;
    }

    @Override
    public int getArity() {
        return 0;
    }

    @Override
    public <T> T getField(int pos) {
        throw fieldOutOfRange(pos);
    }

    @Override
    public <T> void setField(T value, int pos) {
        throw fieldOutOfRange(pos);
    }

    @Override
    public Tuple0 copy() {
        return INSTANCE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple0;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "()";
    }

    // Deserialization yields the shared instance rather than a new empty tuple.
    private Object readResolve() {
        return INSTANCE;
    }
}
