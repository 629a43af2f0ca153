package dev.weir.api.common.typeinfo;

import dev.weir.api.common.typeinfo.TypeExtractor;

import dev.weir.api.common.ExecutionConfig;
import dev.weir.api.common.serialization.SerializerConfig;
import dev.weir.api.common.typeutils.TypeSerializer;
import java.io.Serializable;
import java.util.List;

/**
 * Describes the type of a stream's elements, as in Flink. Weir passes records by reference and needs no type
 * information; this class exists so that Flink code handing hints to {@code returns(...)} or to state descriptors
 * compiles and runs unchanged. Obtain instances from {@link Types}, {@link #of(Class)} or {@link #of(TypeHint)}.
 */
public abstract class TypeInformation<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    protected TypeInformation() {
    }

    /**
     * The type information of a class: the {@link Types} constant for basic types, a tuple, POJO or generic type
     * otherwise.
     */
    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        return TypeExtractor.forClass(typeClass);
    }

    /** The type information a hint captured, e.g. {@code of(new TypeHint<Tuple2<String, Integer>>(){})}. */
    public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
        return typeHint.getTypeInfo();
    }

    /** The class of the described values (boxed for primitives, the erased class for generic types). */
    public abstract Class<T> getTypeClass();

    /** Whether this is a basic value type: String, a boxed primitive, BigInteger, BigDecimal, Void or a time type. */
    public abstract boolean isBasicType();

    /** Whether this describes a {@code Tuple} or a subclass of one. */
    public abstract boolean isTupleType();

    /** The number of fields: the tuple arity or the POJO field count, 1 for every other type. */
    public abstract int getArity();

    /**
     * The nested type information: tuple fields in order, POJO fields in name order, a list's or array's element,
     * a map's key and value; empty for other types.
     */
    public abstract List<TypeInformation<?>> getNestedTypes();

    /**
     * A serializer for this type, as Flink's jobs pass one on (e.g. to {@code DeltaTrigger.of}); Weir never calls it
     * and serializes state with its own serializer.
     */
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new DescribedSerializer<>(this);
    }

    /** Flink 1.x form of {@link #createSerializer(SerializerConfig)}. */
    @Deprecated
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return new DescribedSerializer<>(this);
    }

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();

    @Override
    public abstract String toString();

    /** The serializer {@link #createSerializer} hands out: it only names its type. */
    private static final class DescribedSerializer<T> extends TypeSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final TypeInformation<T> type;

        DescribedSerializer(TypeInformation<T> type) {
            this.type = type;
        }

        @Override
        public String toString() {
            return "TypeSerializer of " + type;
        }
    }
}
