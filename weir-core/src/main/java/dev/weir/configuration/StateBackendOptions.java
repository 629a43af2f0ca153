package dev.weir.configuration;

/**
 * The state backend option with Flink's name, key and default. Weir keeps keyed state on the heap, Flink's
 * {@code hashmap} backend; another value is refused when the environment is configured.
 */
public final class StateBackendOptions {
    private StateBackendOptions() {
    }

    public static final ConfigOption<String> STATE_BACKEND = ConfigOptions.key("state.backend.type").stringType()
            .defaultValue("hashmap").withDeprecatedKeys("state.backend");
}
