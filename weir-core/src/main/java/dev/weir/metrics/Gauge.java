package dev.weir.metrics;

/** A metric whose value is read on demand. */
@FunctionalInterface
public interface Gauge<T> {
    T getValue();
}
