package dev.weir.configuration;

/**
 * The REST endpoint's options with Flink's names, keys and defaults; the dashboard started by
 * {@code createLocalEnvironmentWithWebUI(config)} listens on {@link #PORT} at {@link #BIND_ADDRESS}.
 */
public final class RestOptions {
    private RestOptions() {
    }

    /** The address the server binds to; all interfaces when unset. */
    public static final ConfigOption<String> BIND_ADDRESS = ConfigOptions.key("rest.bind-address").stringType()
            .noDefaultValue().withDeprecatedKeys("web.address", "jobmanager.web.address");

    /** The port (or range, as {@code 8081-8090}) the server binds to; Weir takes the first port of a range. */
    public static final ConfigOption<String> BIND_PORT = ConfigOptions.key("rest.bind-port").stringType()
            .defaultValue("8081").withDeprecatedKeys("rest.port", "web.port", "jobmanager.web.port");

    /** The address clients use to reach the server. */
    public static final ConfigOption<String> ADDRESS = ConfigOptions.key("rest.address").stringType().noDefaultValue()
            .withDeprecatedKeys("jobmanager.rpc.address");

    /** The port clients connect to, and the one the server binds to when {@link #BIND_PORT} is unset. */
    public static final ConfigOption<Integer> PORT = ConfigOptions.key("rest.port").intType().defaultValue(8081)
            .withDeprecatedKeys("web.port");
}
