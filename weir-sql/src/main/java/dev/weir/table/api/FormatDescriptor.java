package dev.weir.table.api;

import dev.weir.configuration.ConfigOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A format and its options for a {@link TableDescriptor}, as in Flink:
 * {@code FormatDescriptor.forFormat("csv").option("field-delimiter", ";").build()}. Option keys are given without the
 * format's prefix; the table descriptor adds it.
 */
public final class FormatDescriptor {
    private final String format;
    private final Map<String, String> options;

    private FormatDescriptor(String format, Map<String, String> options) {
        this.format = format;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A builder for format {@code format}, e.g. {@code json}. */
    public static Builder forFormat(String format) {
        if (Objects.requireNonNull(format, "format").isEmpty()) {
            throw new ValidationException("Format identifier must not be empty; name a format such as 'json' or 'csv'");
        }
        return new Builder(format);
    }

    public String getFormat() {
        return format;
    }

    public Map<String, String> getOptions() {
        return options;
    }

    /** Flink's form: {@code json['ignore-parse-errors' = 'true']}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(format).append('[');
        boolean first = true;
        for (Map.Entry<String, String> e : options.entrySet()) {
            sb.append(first ? "" : ", ").append('\'').append(TableDescriptor.escape(e.getKey())).append("' = '")
                    .append(TableDescriptor.escape(e.getValue())).append('\'');
            first = false;
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormatDescriptor && format.equals(((FormatDescriptor) o).format)
                && options.equals(((FormatDescriptor) o).options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, options);
    }

    /** Builds a {@link FormatDescriptor}. */
    public static final class Builder {
        private final String format;
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder(String format) {
            this.format = format;
        }

        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public <T> Builder option(ConfigOption<T> configOption, T value) {
            return option(Objects.requireNonNull(configOption, "configOption").key(), TableDescriptor.optionValue(configOption, value));
        }

        public FormatDescriptor build() {
            return new FormatDescriptor(format, options);
        }
    }
}
