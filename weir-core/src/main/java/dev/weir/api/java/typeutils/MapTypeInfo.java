package dev.weir.api.java.typeutils;

import dev.weir.api.common.typeinfo.TypeInformation;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Flink's type information of a {@code java.util.Map}, as {@code Types.MAP(...)} also gives it. Accepted wherever
 * Flink takes a type hint (e.g. a state descriptor); Weir does not need it.
 */
public class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<K> keyTypeInfo;
    private final TypeInformation<V> valueTypeInfo;

    public MapTypeInfo(TypeInformation<K> keyTypeInfo, TypeInformation<V> valueTypeInfo) {
        this.keyTypeInfo = Objects.requireNonNull(keyTypeInfo, "keyTypeInfo");
        this.valueTypeInfo = Objects.requireNonNull(valueTypeInfo, "valueTypeInfo");
    }

    public MapTypeInfo(Class<K> keyClass, Class<V> valueClass) {
        this(TypeInformation.of(Objects.requireNonNull(keyClass, "keyClass")),
                TypeInformation.of(Objects.requireNonNull(valueClass, "valueClass")));
    }

    public TypeInformation<K> getKeyTypeInfo() {
        return keyTypeInfo;
    }

    public TypeInformation<V> getValueTypeInfo() {
        return valueTypeInfo;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Map<K, V>> getTypeClass() {
        return (Class) Map.class;
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
        return List.of(keyTypeInfo, valueTypeInfo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapTypeInfo<?, ?> other && other.keyTypeInfo.equals(keyTypeInfo) && other.valueTypeInfo.equals(valueTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * keyTypeInfo.hashCode() + valueTypeInfo.hashCode();
    }

    @Override
    public String toString() {
        return "Map<" + keyTypeInfo + ", " + valueTypeInfo + ">";
    }
}
