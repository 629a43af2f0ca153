package dev.weir.api.common.state;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of keyed state and says what kind it is. Type arguments given as a {@code Class},
 * {@code TypeInformation} or {@code TypeHint} are accepted for Flink compatibility; Weir does not need them.
 */
public abstract class StateDescriptor<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of keyed state. */
    public enum Type {
        VALUE, LIST, REDUCING, AGGREGATING, MAP
    }

    private final String name;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;
    private Class<?> typeClass;

    protected StateDescriptor(String name) {
        Objects.requireNonNull(name, "state name must not be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("state name must not be empty: name each state descriptor uniquely within its operator");
        }
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public abstract Type getType();

    /** Expires values that were not written (or read, by the config) for the configured time. */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = Objects.requireNonNull(ttlConfig, "ttlConfig");
    }

    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    /** Records the value class a subclass's constructor was given (null: type information or a hint, or none). */
    protected final void setTypeClass(Class<?> typeClass) {
        this.typeClass = typeClass;
    }

    /**
     * Weir's, not Flink's: the class of the state's values when the descriptor was given one (as in
     * {@code new ValueStateDescriptor<>("count", Long.class)}), else null. A restore refuses values of another class,
     * as Flink's serializer compatibility check does, naming the state and both types.
     */
    public Class<?> getTypeClass() {
        return typeClass;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + "}";
    }
}
