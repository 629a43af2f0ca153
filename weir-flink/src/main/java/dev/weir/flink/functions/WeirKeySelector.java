package dev.weir.flink.functions;

import dev.weir.api.java.functions.KeySelector;

/** A Weir {@link KeySelector} as Flink's; Flink hashes the key's {@code hashCode()} into key groups as Weir does. */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirKeySelector implements org.apache.flink.api.java.functions.KeySelector<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final KeySelector weir;

    public WeirKeySelector(KeySelector<?, ?> weir) {
        this.weir = weir;
    }

    @Override
    public Object getKey(Object value) throws Exception {
        return weir.getKey(value);
    }
}
