package dev.weir.api.common.typeinfo;

import dev.weir.api.common.typeinfo.TypeExtractor;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type by anonymous subclassing, as in Flink:
 * {@code new TypeHint<Tuple2<String, Integer>>(){}}. Weir does not need the hint; it is accepted so that Flink
 * code compiles and runs unchanged. A hint whose argument is a type variable describes {@code Object}.
 */
public abstract class TypeHint<T> {
    private final TypeInformation<T> typeInfo;

    @SuppressWarnings("unchecked")
    protected TypeHint() {
        this.typeInfo = (TypeInformation<T>) TypeExtractor.forType(capturedType());
    }

    /** The type information of the captured type argument. */
    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    private Type capturedType() {
        Class<?> current = getClass();
        while (current.getSuperclass() != TypeHint.class) {
            current = current.getSuperclass();
        }
        Type direct = current.getGenericSuperclass();
        if (direct instanceof ParameterizedType) {
            return ((ParameterizedType) direct).getActualTypeArguments()[0];
        }
        // A raw "new TypeHint(){}" carries no type; Weir does not need one, so describe Object.
        return Object.class;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeHint && typeInfo.equals(((TypeHint<?>) o).typeInfo);
    }

    @Override
    public int hashCode() {
        return typeInfo.hashCode();
    }

    @Override
    public String toString() {
        return "TypeHint: " + typeInfo;
    }
}
