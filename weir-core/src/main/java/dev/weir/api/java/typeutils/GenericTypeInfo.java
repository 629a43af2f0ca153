package dev.weir.api.java.typeutils;

import dev.weir.api.common.typeinfo.TypeInformation;
import java.util.List;
import java.util.Objects;

/**
 * Flink's type information of a class it treats as opaque (serialized by Kryo in Flink), as
 * {@code Types.GENERIC(...)} also gives it. Accepted wherever Flink takes a type hint; Weir does not need it.
 */
public class GenericTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    public GenericTypeInfo(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public List<TypeInformation<?>> getNestedTypes() {
        return List.of();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericTypeInfo<?> other && other.typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.hashCode();
    }

    @Override
    public String toString() {
        return "GenericType<" + typeClass.getName() + ">";
    }
}
