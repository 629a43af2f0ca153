package dev.weir.api.java.typeutils;

import dev.weir.api.common.typeinfo.TypeInformation;

/**
 * A function or source that says which type it produces, as in Flink. Weir reads it for {@code DataStream.getType()}
 * and needs it for nothing else.
 */
public interface ResultTypeQueryable<T> {
    /** The type of the elements this function or source produces. */
    TypeInformation<T> getProducedType();
}
