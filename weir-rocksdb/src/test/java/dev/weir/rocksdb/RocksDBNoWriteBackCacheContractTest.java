package dev.weir.rocksdb;

import dev.weir.engine.state.CheckpointableKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyedStateBackendContractTest;
import dev.weir.engine.state.KeyedStateBackendParameters;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The keyed state contract on RocksDB with the write-back cache turned off, every access a RocksDB call: the same results as on the heap. */
class RocksDBNoWriteBackCacheContractTest extends KeyedStateBackendContractTest {
    @TempDir
    static Path localDir;

    @Override
    protected CheckpointableKeyedStateBackend create(int maxParallelism, KeyGroupRange range) throws Exception {
        return new RocksDBStateBackendFactory().create(new KeyedStateBackendParameters("op", "Keyed Process (1/1)", 0,
                maxParallelism, range, () -> 0L, Map.of("state.backend.type", "rocksdb",
                        "state.backend.rocksdb.localdir", localDir.toString(),
                        "state.backend.rocksdb.write-back-cache.size", "0")));
    }
}
