package dev.weir.rocksdb;

import dev.weir.engine.state.CheckpointableKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyedStateBackendParameters;
import dev.weir.engine.state.TtlStateContractTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.io.TempDir;

/** Time to live on RocksDB: the same expiry, refresh and visibility as on the heap. */
class RocksDBTtlStateTest extends TtlStateContractTest {
    @TempDir
    static Path localDir;

    @Override
    protected CheckpointableKeyedStateBackend create(LongSupplier clock) throws Exception {
        return new RocksDBStateBackendFactory().create(new KeyedStateBackendParameters("op", "Keyed Process (1/1)", 0,
                128, KeyGroupRange.of(0, 127), clock, Map.of("state.backend.rocksdb.localdir", localDir.toString())));
    }
}
