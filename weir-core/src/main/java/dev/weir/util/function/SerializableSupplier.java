package dev.weir.util.function;

import java.io.Serializable;
import java.util.function.Supplier;

/** A {@link Supplier} that can be part of a job's functions, as Flink's: e.g. how a sink makes its data source. */
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {
}
