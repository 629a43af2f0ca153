package dev.weir.configuration;

/**
 * Core options with Flink's names and keys. {@link #DEFAULT_PARALLELISM}'s default is Flink's (1) as an option, but an
 * environment that is not given it runs with one subtask per core, as Flink's local environment does.
 */
public final class CoreOptions {
    private CoreOptions() {
    }

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = ConfigOptions.key("parallelism.default").intType()
            .defaultValue(1);
}
