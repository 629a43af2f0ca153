package dev.weir.configuration;

/** The configuration option that chooses the state backend, as in Flink. */
public final class StateBackendOptions {
    /**
     * {@code state.backend.type}: {@code hashmap} (the default, state on the heap) or {@code rocksdb} (state in an
     * embedded RocksDB on local disk; needs the weir-rocksdb module on the class path).
     */
    public static final ConfigOption<String> STATE_BACKEND = ConfigOptions.key("state.backend.type")
            .stringType()
            .defaultValue("hashmap")
            .withDeprecatedKeys("state.backend")
            .withDescription("The state backend to use: hashmap (on the heap) or rocksdb (embedded RocksDB, module weir-rocksdb).");

    private StateBackendOptions() {
    }
}
