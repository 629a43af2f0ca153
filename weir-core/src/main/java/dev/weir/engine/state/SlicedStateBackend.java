package dev.weir.engine.state;

/**
 * A keyed state backend that keeps the slicing window operator's slices itself ({@link SlicedKeyedState}) rather
 * than leaving them on the heap to the operator ({@link KeyedStateBackend#adopt}): RocksDB does, so a window's state
 * is bounded by disk, not by the heap.
 */
public interface SlicedStateBackend {
    /**
     * The sliced state named {@code name}, created on the first call, holding what a restore put under that name
     * (whichever backend took the snapshot). The name must not be used by another state of the backend.
     */
    SlicedKeyedState getSlicedState(String name) throws Exception;
}
