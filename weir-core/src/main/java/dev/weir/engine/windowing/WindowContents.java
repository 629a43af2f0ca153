package dev.weir.engine.windowing;

import dev.weir.engine.state.KeyedStateBackend;
import java.util.Collection;

/**
 * What a window keeps in keyed state under its (state) window namespace: its elements, a reduced value or an
 * accumulator. Used by the window operator's thread only; the current key is set by the operator.
 */
interface WindowContents {
    void setWindow(Object stateWindow);

    void add(Object value, long timestamp) throws Exception;

    /** Whether the current window holds nothing (a fire then emits nothing, as in Flink). */
    boolean isEmpty() throws Exception;

    /** The input of the window function: the elements, or the one pre-aggregated result. */
    Iterable<Object> get() throws Exception;

    void clear() throws Exception;

    /** Moves the contents of {@code sources} into {@code target} and leaves {@code target} current. */
    void merge(Object target, Collection<?> sources) throws Exception;

    /** Makes the contents of an operator once its keyed state backend exists. */
    interface Factory {
        WindowContents create(KeyedStateBackend backend);
    }
}
