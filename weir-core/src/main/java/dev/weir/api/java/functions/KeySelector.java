package dev.weir.api.java.functions;

import dev.weir.api.common.functions.Function;

/**
 * Extracts the key of an element. The key must be deterministic and have value-based {@code equals} and
 * {@code hashCode}; arrays and classes that inherit {@link Object#hashCode()} are refused with an error.
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
