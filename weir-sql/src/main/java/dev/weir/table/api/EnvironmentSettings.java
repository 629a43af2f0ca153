package dev.weir.table.api;

import dev.weir.configuration.Configuration;

/**
 * How a {@link TableEnvironment} is created, as in Flink. Weir runs SQL in streaming mode only: {@link #inBatchMode()}
 * exists so that Flink programs compile, and fails when the environment is created, naming streaming mode instead.
 */
public final class EnvironmentSettings {
    static final String DEFAULT_CATALOG = "default_catalog";
    static final String DEFAULT_DATABASE = "default_database";

    private final boolean streaming;
    private final Configuration configuration;
    private final String catalogName;
    private final String databaseName;

    private EnvironmentSettings(boolean streaming, Configuration configuration) {
        this(streaming, configuration, DEFAULT_CATALOG, DEFAULT_DATABASE);
    }

    private EnvironmentSettings(boolean streaming, Configuration configuration, String catalogName, String databaseName) {
        this.streaming = streaming;
        this.configuration = configuration;
        this.catalogName = catalogName;
        this.databaseName = databaseName;
    }

    /** The name of the session's catalog, {@code default_catalog}. */
    public String getBuiltInCatalogName() {
        return catalogName;
    }

    /** The name of the catalog's database, {@code default_database}. */
    public String getBuiltInDatabaseName() {
        return databaseName;
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
        private String catalogName = DEFAULT_CATALOG;
        private String databaseName = DEFAULT_DATABASE;

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

        /** Weir's catalog is always {@code default_catalog}: another name is refused when the environment is created. */
        public Builder withBuiltInCatalogName(String builtInCatalogName) {
            catalogName = builtInCatalogName;
            return this;
        }

        /** Weir's database is always {@code default_database}: another name is refused when the environment is created. */
        public Builder withBuiltInDatabaseName(String builtInDatabaseName) {
            databaseName = builtInDatabaseName;
            return this;
        }

        public EnvironmentSettings build() {
            return new EnvironmentSettings(streaming, configuration, catalogName, databaseName);
        }
    }
}
