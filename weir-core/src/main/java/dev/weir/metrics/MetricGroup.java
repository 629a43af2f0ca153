package dev.weir.metrics;

/** Registers a function's metrics under its operator and subtask. */
public interface MetricGroup {
    Counter counter(String name);

    <C extends Counter> C counter(String name, C counter);

    <T, G extends Gauge<T>> G gauge(String name, G gauge);

    /** A nested scope, e.g. {@code getMetricGroup().addGroup("parser").counter("errors")}. */
    MetricGroup addGroup(String name);
}
