package dev.weir.api.common.state;

/** Describes a {@link ValueState}. */
public class ValueStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;
    private final T defaultValue;

    public ValueStateDescriptor(String name, Class<T> typeClass) {
        this(name, typeClass, null);
    }

    /** Type information or a type hint, accepted for Flink compatibility. */
    public ValueStateDescriptor(String name, Object typeInfo) {
        super(name);
        this.defaultValue = null;
    }

    /** Flink's deprecated form with a default value returned when the key has none. */
    public ValueStateDescriptor(String name, Class<T> typeClass, T defaultValue) {
        super(name);
        this.defaultValue = defaultValue;
        setTypeClass(typeClass);
    }

    public T getDefaultValue() {
        return defaultValue;
    }

    @Override
    public Type getType() {
        return Type.VALUE;
    }
}
