package dev.weir.rocksdb;

import dev.weir.engine.state.CheckpointableKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyedStateBackendContractTest;
import dev.weir.engine.state.KeyedStateBackendParameters;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The keyed state contract on RocksDB: the same assertions, results and error messages as on the heap. */
class RocksDBKeyedStateBackendTest extends KeyedStateBackendContractTest {
    @TempDir
    static Path localDir;

    /** {@code state.backend.rocksdb.write-back-cache.size} for this run of the contract; null: the default. */
    String writeBackCacheSize() {
        return null;
    }

    @Override
    protected CheckpointableKeyedStateBackend create(int maxParallelism, KeyGroupRange range) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("state.backend.type", "rocksdb",
                "state.backend.rocksdb.localdir", localDir.toString()));
        if (writeBackCacheSize() != null) {
            settings.put(RocksDBSettings.WRITE_BACK_CACHE, writeBackCacheSize());
        }
        return new RocksDBStateBackendFactory().create(new KeyedStateBackendParameters("op", "Keyed Process (1/1)", 0,
                maxParallelism, range, () -> 0L, settings));
    }
}
