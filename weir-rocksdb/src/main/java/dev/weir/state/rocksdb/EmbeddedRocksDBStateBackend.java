package dev.weir.state.rocksdb;

/**
 * Flink 2.x's name of {@link dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend} (the class moved to
 * {@code org.apache.flink.state.rocksdb}), so jobs written for either version port unchanged.
 */
public class EmbeddedRocksDBStateBackend extends dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend {
    private static final long serialVersionUID = 1L;

    public EmbeddedRocksDBStateBackend() {
        super();
    }

    public EmbeddedRocksDBStateBackend(boolean enableIncrementalCheckpointing) {
        super(enableIncrementalCheckpointing);
    }
}
