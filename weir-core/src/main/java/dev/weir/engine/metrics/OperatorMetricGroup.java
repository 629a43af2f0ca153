package dev.weir.engine.metrics;

import dev.weir.metrics.Counter;
import dev.weir.metrics.Gauge;
import dev.weir.metrics.MetricGroup;
import dev.weir.metrics.SimpleCounter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics of one operator subtask, by dotted name ("parser.errors"). Metrics are registered on the task's
 * thread and read by reporters on others; a second registration under a name returns the first metric.
 */
public final class OperatorMetricGroup implements MetricGroup {
    private final String scope;
    private final Map<String, Object> metrics;

    public OperatorMetricGroup(String scope) {
        this(scope, new ConcurrentHashMap<>());
    }

    private OperatorMetricGroup(String scope, Map<String, Object> metrics) {
        this.scope = scope;
        this.metrics = metrics;
    }

    @Override
    public Counter counter(String name) {
        return counter(name, new SimpleCounter());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C extends Counter> C counter(String name, C counter) {
        return (C) metrics.computeIfAbsent(qualified(name), n -> counter);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        return (G) metrics.computeIfAbsent(qualified(name), n -> gauge);
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new OperatorMetricGroup(qualified(name), metrics);
    }

    /** All metrics registered in this group and its sub-groups, by full name. */
    public Map<String, Object> metrics() {
        return Map.copyOf(metrics);
    }

    private String qualified(String name) {
        return scope.isEmpty() ? name : scope + "." + name;
    }
}
