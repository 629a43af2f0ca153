package dev.weir.rocksdb;

import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyedStateBackendParameters;
import dev.weir.engine.time.CheckpointableTimerServices;
import dev.weir.engine.time.ProcessingTimeService;
import dev.weir.engine.time.TimerServicesContractTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The timer contract with the timers in RocksDB (the backend's default timer service factory): the heap's results. */
class RocksDBTimerServicesTest extends TimerServicesContractTest {
    @TempDir
    static Path localDir;

    @Override
    protected Fixture create(ProcessingTimeService clock) throws Exception {
        RocksDBKeyedStateBackend backend = (RocksDBKeyedStateBackend) new RocksDBStateBackendFactory().create(
                new KeyedStateBackendParameters("op", "Keyed Process (1/1)", 0, 128, KeyGroupRange.of(0, 127), () -> 0L,
                        Map.of("state.backend.type", "rocksdb", "state.backend.rocksdb.localdir", localDir.toString())));
        CheckpointableTimerServices timers = backend.createTimerServices(backend, clock);
        return new Fixture(timers, backend, backend::close);
    }
}
