package dev.weir.util;

/** Receives the elements a function emits. */
public interface Collector<T> {
    void collect(T record);

    /** Flink calls this when the function is done emitting; Weir needs no action and ignores it. */
    default void close() {
    }
}
