package dev.weir.api.common.typeinfo;

import java.util.List;
import java.util.Objects;

/**
 * The {@link TypeInformation} of the kinds without a Flink-named class of their own in Weir (POJOs, arrays, enums,
 * the basic types Flink keeps outside {@link BasicTypeInfo}): a class, its kind, and the types of its parts.
 */
final class ClassTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    /** The kinds Flink distinguishes; they only decide how the type prints and what it reports. */
    enum Kind {
        BASIC, POJO, OBJECT_ARRAY, PRIMITIVE_ARRAY, ENUM
    }

    private final Kind kind;
    private final Class<T> typeClass;
    private final List<TypeInformation<?>> nested;
    private final List<String> fieldNames;

    ClassTypeInfo(Kind kind, Class<T> typeClass, List<TypeInformation<?>> nested, List<String> fieldNames) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
        this.nested = List.copyOf(nested);
        this.fieldNames = List.copyOf(fieldNames);
    }

    static <T> ClassTypeInfo<T> of(Kind kind, Class<T> typeClass, TypeInformation<?>... nested) {
        return new ClassTypeInfo<>(kind, typeClass, List.of(nested), List.of());
    }

    Kind kind() {
        return kind;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isBasicType() {
        return kind == Kind.BASIC;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        if (kind == Kind.POJO) {
            return nested.size();
        }
        return 1;
    }

    @Override
    public List<TypeInformation<?>> getNestedTypes() {
        return nested;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ClassTypeInfo)) {
            return false;
        }
        ClassTypeInfo<?> other = (ClassTypeInfo<?>) o;
        return kind == other.kind && typeClass == other.typeClass && nested.equals(other.nested)
            && fieldNames.equals(other.fieldNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, typeClass, nested, fieldNames);
    }

    @Override
    public String toString() {
        switch (kind) {
            case BASIC:
            case PRIMITIVE_ARRAY:
                return typeClass.getSimpleName();
            case POJO:
                return "PojoType<" + typeClass.getName() + ", fields = [" + pojoFields() + "]>";
            case OBJECT_ARRAY:
                return "ObjectArrayTypeInfo<" + nested.get(0) + ">";
            default:
                return "EnumTypeInfo<" + typeClass.getName() + ">";
        }
    }

    private String pojoFields() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fieldNames.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(fieldNames.get(i)).append(": ").append(nested.get(i));
        }
        return out.toString();
    }
}
