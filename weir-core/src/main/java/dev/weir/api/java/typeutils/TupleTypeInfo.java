package dev.weir.api.java.typeutils;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.java.tuple.Tuple;
import java.util.List;
import java.util.Objects;

/**
 * Flink's type information of a tuple: its class and the types of its fields, as {@code Types.TUPLE(...)} and
 * {@code TypeInformation.of(...)} also give it. Accepted wherever Flink takes a type hint; Weir passes records by
 * reference and does not need it, but reads field types from it to check field positions when a job is built.
 */
public class TupleTypeInfo<T extends Tuple> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> tupleType;
    private final List<TypeInformation<?>> types;

    /** The plain {@code TupleN} of these field types, e.g. {@code new TupleTypeInfo<>(Types.STRING, Types.INT)}. */
    @SuppressWarnings("unchecked")
    public TupleTypeInfo(TypeInformation<?>... types) {
        this((Class<T>) Tuple.getTupleClass(Objects.requireNonNull(types, "types").length), types);
    }

    /** A tuple class (a {@code TupleN} or a subclass of one) with these field types. */
    public TupleTypeInfo(Class<T> tupleType, TypeInformation<?>... types) {
        this.tupleType = Objects.requireNonNull(tupleType, "tupleType");
        Objects.requireNonNull(types, "types");
        for (int i = 0; i < types.length; i++) {
            Objects.requireNonNull(types[i], "the type of tuple field " + i + " must not be null");
        }
        this.types = List.of(types);
    }

    /** The type of field {@code pos}. */
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        if (pos < 0 || pos >= types.size()) {
            throw new IndexOutOfBoundsException(this + " has no field at position " + pos + ": valid positions are 0 to "
                    + (types.size() - 1));
        }
        return (TypeInformation<X>) types.get(pos);
    }

    @Override
    public Class<T> getTypeClass() {
        return tupleType;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return true;
    }

    @Override
    public int getArity() {
        return types.size();
    }

    @Override
    public List<TypeInformation<?>> getNestedTypes() {
        return types;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleTypeInfo<?> other && other.tupleType == tupleType && other.types.equals(types);
    }

    @Override
    public int hashCode() {
        return 31 * tupleType.hashCode() + types.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Java ").append(tupleType.getSimpleName()).append('<');
        for (int i = 0; i < types.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(types.get(i));
        }
        return out.append('>').toString();
    }
}
