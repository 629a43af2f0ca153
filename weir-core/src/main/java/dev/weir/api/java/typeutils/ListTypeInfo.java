package dev.weir.api.java.typeutils;

import dev.weir.api.common.typeinfo.TypeInformation;
import java.util.List;
import java.util.Objects;

/**
 * Flink's type information of a {@code java.util.List}, as {@code Types.LIST(...)} also gives it. Accepted wherever
 * Flink takes a type hint (e.g. a state descriptor); Weir does not need it.
 */
public class ListTypeInfo<T> extends TypeInformation<List<T>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> elementTypeInfo;

    public ListTypeInfo(TypeInformation<T> elementTypeInfo) {
        this.elementTypeInfo = Objects.requireNonNull(elementTypeInfo, "elementTypeInfo");
    }

    public ListTypeInfo(Class<T> elementTypeClass) {
        this(TypeInformation.of(Objects.requireNonNull(elementTypeClass, "elementTypeClass")));
    }

    public TypeInformation<T> getElementTypeInfo() {
        return elementTypeInfo;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<T>> getTypeClass() {
        return (Class) List.class;
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
        return List.of(elementTypeInfo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListTypeInfo<?> other && other.elementTypeInfo.equals(elementTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * List.class.hashCode() + elementTypeInfo.hashCode();
    }

    @Override
    public String toString() {
        return "List<" + elementTypeInfo + ">";
    }
}
