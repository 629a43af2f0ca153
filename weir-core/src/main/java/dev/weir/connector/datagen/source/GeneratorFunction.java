package dev.weir.connector.datagen.source;

import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.api.common.functions.Function;

/**
 * Turns an index into a record for {@link DataGeneratorSource}; as in Flink, {@code T} is {@code Long}.
 *
 * <p>{@link #open} is called once per subtask before the first record and {@link #close} once at the end.
 */
@FunctionalInterface
public interface GeneratorFunction<T, O> extends Function {
    /** Called once per subtask before the first {@link #map}. */
    default void open(SourceReaderContext readerContext) throws Exception {
    }

    /** Called once per subtask when its reader closes. */
    default void close() throws Exception {
    }

    /** The record for one index; each index in {@code 0..count-1} is given to exactly one subtask, once. */
    O map(T value) throws Exception;
}
