package dev.weir.api.common.state;

/** Describes a {@link ListState}. */
public class ListStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name, Class<T> elementClass) {
        super(name);
    }

    /** Type information or a type hint, accepted for Flink compatibility. */
    public ListStateDescriptor(String name, Object elementTypeInfo) {
        super(name);
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }
}
