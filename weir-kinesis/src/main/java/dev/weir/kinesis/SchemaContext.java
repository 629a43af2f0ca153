package dev.weir.kinesis;

import dev.weir.api.common.serialization.DeserializationSchema;
import dev.weir.api.common.serialization.SerializationSchema;
import dev.weir.metrics.MetricGroup;
import dev.weir.util.UserCodeClassLoader;

/** What a (de)serialization schema's {@code open} is given: the subtask's metric group and the schema's class loader. */
final class SchemaContext implements DeserializationSchema.InitializationContext, SerializationSchema.InitializationContext {
    private final MetricGroup metricGroup;
    private final ClassLoader loader;

    SchemaContext(MetricGroup metricGroup, Object schema) {
        this.metricGroup = metricGroup;
        this.loader = schema.getClass().getClassLoader();
    }

    @Override
    public MetricGroup getMetricGroup() {
        return metricGroup;
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        return new UserCodeClassLoader() {
            @Override
            public ClassLoader asClassLoader() {
                return loader;
            }

            @Override
            public void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
                // Nothing is released before the JVM ends.
            }
        };
    }
}
