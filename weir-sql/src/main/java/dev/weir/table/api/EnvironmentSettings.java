package dev.weir.table.api;

import dev.weir.configuration.Configuration;

/**
 * How a {@link TableEnvironment} is created, as in Flink. Weir runs SQL in streaming mode only: {@link #inBatchMode()}
 * exists so that Flink programs compile, and fails when the environment is created, naming streaming mode instead.
 */
public final class EnvironmentSettings {
    private final boolean streaming;
    private final Configuration configuration;

    private EnvironmentSettings(boolean streaming, Configuration configuration) {
        this.streaming = streaming;
        this.configuration = configuration;
    }

    /** Settings for streaming mode, the default. */
    public static EnvironmentSettings inStreamingMode() {
        return new EnvironmentSettings(true, new Configuration());
    }

    /** Settings for batch mode; Weir refuses them when the environment is created. */
    public static EnvironmentSettings inBatchMode() {
        return new EnvironmentSettings(false, new Configuration());
    }

    public static Builder newInstance() {
        return new Builder();
    }

    public boolean isStreamingMode() {
        return streaming;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    /** Builds {@link EnvironmentSettings}. */
    public static final class Builder {
        private boolean streaming = true;
        private final Configuration configuration = new Configuration();

        public Builder inStreamingMode() {
            streaming = true;
            return this;
        }

        public Builder inBatchMode() {
            streaming = false;
            return this;
        }

        public Builder withConfiguration(Configuration configuration) {
            this.configuration.addAll(configuration);
            return this;
        }

        public EnvironmentSettings build() {
            return new EnvironmentSettings(streaming, configuration);
        }
    }
}
