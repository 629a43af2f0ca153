package dev.weir.streaming.api.functions.sink.filesystem;

import java.io.Serializable;
import java.util.Objects;

/**
 * The prefix and suffix of part file names, as Flink's {@code OutputFileConfig}: a finished part is named
 * {@code <prefix>-<uuid>-<counter><suffix>}; the defaults are {@code part} and no suffix.
 */
public class OutputFileConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String partPrefix;
    private final String partSuffix;

    /** A configuration with the given prefix and suffix. */
    public OutputFileConfig(String partPrefix, String partSuffix) {
        this.partPrefix = Objects.requireNonNull(partPrefix, "partPrefix");
        this.partSuffix = Objects.requireNonNull(partSuffix, "partSuffix");
    }

    public String getPartPrefix() {
        return partPrefix;
    }

    public String getPartSuffix() {
        return partSuffix;
    }

    /** Starts a configuration with the defaults: prefix {@code part}, empty suffix. */
    public static OutputFileConfigBuilder builder() {
        return new OutputFileConfigBuilder();
    }

    /** Builds an {@link OutputFileConfig}. */
    public static class OutputFileConfigBuilder {
        private String partPrefix = "part";
        private String partSuffix = "";

        OutputFileConfigBuilder() {
        }

        public OutputFileConfigBuilder withPartPrefix(String prefix) {
            this.partPrefix = prefix;
            return this;
        }

        public OutputFileConfigBuilder withPartSuffix(String suffix) {
            this.partSuffix = suffix;
            return this;
        }

        public OutputFileConfig build() {
            return new OutputFileConfig(partPrefix, partSuffix);
        }
    }
}
