package dev.weir.configuration;

/** Write access to a configuration, as Flink's {@code WritableConfig}. */
public interface WritableConfig {
    /** Sets the option's value, replacing any earlier one. */
    <T> WritableConfig set(ConfigOption<T> option, T value);
}
