package dev.weir.api.common.state;

/** Describes a {@link MapState}. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<java.util.Map<UK, UV>> {
    private static final long serialVersionUID = 1L;

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        super(name);
    }

    /** Type information or type hints, accepted for Flink compatibility. */
    public MapStateDescriptor(String name, Object keyTypeInfo, Object valueTypeInfo) {
        super(name);
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }
}
