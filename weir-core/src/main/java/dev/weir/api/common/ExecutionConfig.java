package dev.weir.api.common;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Job-wide settings. Object reuse is accepted for Flink compatibility and has no effect: Weir always passes
 * records by reference between chained operators.
 */
public final class ExecutionConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private long autoWatermarkIntervalMillis = 200;
    private boolean objectReuse;
    private int parallelism = -1;
    private int maxParallelism = -1;
    private GlobalJobParameters globalJobParameters = new GlobalJobParameters();

    /** How often, in processing time, periodic watermark generators are asked for a watermark. */
    public ExecutionConfig setAutoWatermarkInterval(long intervalMillis) {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("The auto-watermark interval must not be negative, was " + intervalMillis);
        }
        this.autoWatermarkIntervalMillis = intervalMillis;
        return this;
    }

    public ExecutionConfig setAutoWatermarkInterval(Duration interval) {
        return setAutoWatermarkInterval(interval.toMillis());
    }

    public long getAutoWatermarkInterval() {
        return autoWatermarkIntervalMillis;
    }

    public ExecutionConfig enableObjectReuse() {
        objectReuse = true;
        return this;
    }

    public ExecutionConfig disableObjectReuse() {
        objectReuse = false;
        return this;
    }

    public boolean isObjectReuseEnabled() {
        return objectReuse;
    }

    public int getParallelism() {
        return parallelism;
    }

    public ExecutionConfig setParallelism(int parallelism) {
        this.parallelism = parallelism;
        return this;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public ExecutionConfig setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
        return this;
    }

    /**
     * Parameters every function of the job can read, through {@code getRuntimeContext().getGlobalJobParameters()} (as
     * a map) or {@code getRuntimeContext().getExecutionConfig().getGlobalJobParameters()} (this object); typically a
     * {@code ParameterTool} made from the program's arguments.
     */
    public void setGlobalJobParameters(GlobalJobParameters globalJobParameters) {
        this.globalJobParameters = Objects.requireNonNull(globalJobParameters,
                "globalJobParameters: pass an empty ParameterTool (ParameterTool.fromMap(Map.of())) for none");
    }

    /** The job's global parameters; empty unless set. */
    public GlobalJobParameters getGlobalJobParameters() {
        return globalJobParameters;
    }

    /** Job parameters shown to every function; subclasses such as {@code ParameterTool} say which by {@link #toMap()}. */
    public static class GlobalJobParameters implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The parameters as strings; empty here. */
        public Map<String, String> toMap() {
            return Collections.emptyMap();
        }

        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass() && toMap().equals(((GlobalJobParameters) o).toMap());
        }

        @Override
        public int hashCode() {
            return toMap().hashCode();
        }
    }

    /** Global job parameters backed by a map, as Flink keeps {@code pipeline.global-job-parameters}. */
    public static class MapBasedJobParameters extends GlobalJobParameters {
        private static final long serialVersionUID = 1L;

        private final Map<String, String> properties;

        public MapBasedJobParameters(Map<String, String> properties) {
            this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }

        @Override
        public Map<String, String> toMap() {
            return properties;
        }
    }

    /** Flink's serializer settings; Weir has none, so this is an empty, shared object. */
    public dev.weir.api.common.serialization.SerializerConfig getSerializerConfig() {
        return NO_SERIALIZER_SETTINGS;
    }

    private static final dev.weir.api.common.serialization.SerializerConfig NO_SERIALIZER_SETTINGS =
            new dev.weir.api.common.serialization.SerializerConfig() {
                private static final long serialVersionUID = 1L;
            };
}
