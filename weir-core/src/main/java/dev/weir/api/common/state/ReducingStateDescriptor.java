package dev.weir.api.common.state;

import dev.weir.api.common.functions.ReduceFunction;
import java.util.Objects;

/** Describes a {@link ReducingState} and the function that combines its values. */
public class ReducingStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> typeClass) {
        this(name, reduceFunction, (Object) typeClass);
    }

    /** Type information or a type hint, accepted for Flink compatibility. */
    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Object typeInfo) {
        super(name);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    @Override
    public Type getType() {
        return Type.REDUCING;
    }
}
