package dev.weir.table.api;

import dev.weir.configuration.ConfigOption;
import dev.weir.configuration.Configuration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table declared in code, as in Flink: a connector, its options, a {@link Schema}, a format, partition keys and a
 * comment. {@code tableEnv.createTemporaryTable("t", TableDescriptor.forConnector("datagen").schema(...).build())}
 * registers the same catalog table as the {@code CREATE TABLE} statement the descriptor spells.
 */
public final class TableDescriptor {
    private final Schema schema;
    private final Map<String, String> options;
    private final List<String> partitionKeys;
    private final String comment;

    private TableDescriptor(Schema schema, Map<String, String> options, List<String> partitionKeys, String comment) {
        this.schema = schema;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.partitionKeys = List.copyOf(partitionKeys);
        this.comment = comment;
    }

    /** A builder for a table of connector {@code connector} (the option {@code 'connector'}). */
    public static Builder forConnector(String connector) {
        return new Builder().option("connector", Objects.requireNonNull(connector, "connector"));
    }

    /** The declared schema, if any; a table without one takes its columns from where it is used (an insert's query). */
    public Optional<Schema> getSchema() {
        return Optional.ofNullable(schema);
    }

    /** Every option, format options included, in the order they were set. */
    public Map<String, String> getOptions() {
        return options;
    }

    public List<String> getPartitionKeys() {
        return partitionKeys;
    }

    public Optional<String> getComment() {
        return Optional.ofNullable(comment);
    }

    /** A builder holding this descriptor's parts, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.schema = schema;
        builder.options.putAll(options);
        builder.partitionKeys.addAll(partitionKeys);
        builder.comment = comment;
        return builder;
    }

    /** Flink's form: the schema, {@code COMMENT '...'}, {@code PARTITIONED BY (...)} and {@code WITH (...)}. */
    @Override
    public String toString() {
        List<String> serialized = new ArrayList<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            serialized.add("  '" + escape(e.getKey()) + "' = '" + escape(e.getValue()) + "'");
        }
        List<String> keys = new ArrayList<>();
        for (String k : partitionKeys) {
            keys.add(Schema.quote(k));
        }
        String partitionedBy = partitionKeys.isEmpty() ? "" : "PARTITIONED BY (" + String.join(", ", keys) + ")";
        return (schema == null ? "" : schema.toString()) + "\nCOMMENT '" + (comment == null ? "" : comment) + "'\n"
                + partitionedBy + "\nWITH (\n" + String.join(",\n", serialized) + "\n)";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableDescriptor)) {
            return false;
        }
        TableDescriptor other = (TableDescriptor) o;
        return Objects.equals(toString(), other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** {@code value} as Flink writes a typed option's value in a table's options ({@code 10 s}, {@code true}). */
    static <T> String optionValue(ConfigOption<T> option, T value) {
        return new Configuration().set(option, Objects.requireNonNull(value, "value")).toMap().get(option.key());
    }

    static String escape(String text) {
        return text.replace("'", "''");
    }

    /** Builds a {@link TableDescriptor}. */
    public static final class Builder {
        private Schema schema;
        private final Map<String, String> options = new LinkedHashMap<>();
        private final List<String> partitionKeys = new ArrayList<>();
        private String comment;

        private Builder() {
        }

        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        /** Sets option {@code key}; a later call for the same key replaces the value. */
        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets a typed option, written as Flink writes its value ({@code Duration.ofSeconds(10)} as {@code 10 s}). */
        public <T> Builder option(ConfigOption<T> configOption, T value) {
            return option(Objects.requireNonNull(configOption, "configOption").key(), optionValue(configOption, value));
        }

        /** The format of the connector's values: the option {@code 'format'}. */
        public Builder format(String format) {
            return format(FormatDescriptor.forFormat(format).build());
        }

        /** The format of the connector's values with its options, each prefixed by the format's name. */
        public Builder format(FormatDescriptor formatDescriptor) {
            return format("format", formatDescriptor);
        }

        /**
         * A format under another option, e.g. Kafka's {@code key.format}: its options are prefixed by the option's key
         * without {@code format}, then the format's name ({@code key.csv.field-delimiter}).
         */
        public Builder format(ConfigOption<String> formatOption, FormatDescriptor formatDescriptor) {
            return format(Objects.requireNonNull(formatOption, "formatOption").key(), formatDescriptor);
        }

        private Builder format(String formatKey, FormatDescriptor format) {
            Objects.requireNonNull(format, "formatDescriptor");
            option(formatKey, format.getFormat());
            String prefix = formatKey.substring(0, formatKey.length() - "format".length()) + format.getFormat() + ".";
            for (Map.Entry<String, String> e : format.getOptions().entrySet()) {
                option(e.getKey().startsWith(prefix) ? e.getKey() : prefix + e.getKey(), e.getValue());
            }
            return this;
        }

        public Builder partitionedBy(String... partitionKeys) {
            this.partitionKeys.addAll(Arrays.asList(partitionKeys));
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public TableDescriptor build() {
            return new TableDescriptor(schema, options, partitionKeys, comment);
        }
    }
}
