package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.contrib.streaming.state.PredefinedOptions;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RocksDB backend's configuration: Flink's keys and classes, and bad values refused when the job is built. */
class RocksDBSettingsTest {
    @TempDir
    Path dir;

    private static StreamExecutionEnvironment keyedJob() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(1L, 2L, 3L).keyBy(v -> v % 2).reduce(Long::sum).sinkTo(new DiscardingSink<>());
        return env;
    }

    @Test
    void embeddedRocksDBStateBackendStandsForFlinksConfigurationKeys() {
        EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend(true);
        backend.setDbStoragePath("/var/tmp/rocks");
        backend.setPredefinedOptions(PredefinedOptions.FLASH_SSD_OPTIMIZED);
        backend.setPriorityQueueStateType(EmbeddedRocksDBStateBackend.PriorityQueueStateType.HEAP);
        backend.getMemoryConfiguration().setFixedMemoryPerSlot("256mb");
        assertThat(backend.toSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "state.backend.type", "rocksdb",
                "state.backend.incremental", "true",
                "state.backend.rocksdb.localdir", "/var/tmp/rocks",
                "state.backend.rocksdb.predefined-options", "FLASH_SSD_OPTIMIZED",
                "state.backend.rocksdb.timer-service.factory", "HEAP",
                "state.backend.rocksdb.memory.fixed-per-slot", "256mb"));
        assertThat(new dev.weir.state.rocksdb.EmbeddedRocksDBStateBackend().toSettings()).containsEntry("state.backend.type", "rocksdb");
    }

    @Test
    void aJobConfiguredWithStateBackendTypeRocksdbRuns() throws Exception {
        StreamExecutionEnvironment env = keyedJob();
        env.configure("state.backend.type", "rocksdb");
        env.configure("state.backend.rocksdb.localdir", dir.toString());
        env.configure("state.backend.rocksdb.memory.fixed-per-slot", "64 mb");
        assertThat(env.execute("rocks").getJobID()).isNotNull();
    }

    @Test
    void anUnknownRocksDBOptionIsRefusedWhenTheJobIsBuiltListingTheKnownOnes() {
        StreamExecutionEnvironment env = keyedJob();
        env.configure("state.backend.type", "rocksdb");
        env.configure("state.backend.rocksdb.block.cache-size", "64mb");
        assertThatThrownBy(() -> env.execute("rocks"))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("Unknown state backend option 'state.backend.rocksdb.block.cache-size': the RocksDB backend knows "
                        + "[state.backend.incremental, state.backend.rocksdb.localdir, state.backend.rocksdb.memory.fixed-per-slot, "
                        + "state.backend.rocksdb.memory.managed, state.backend.rocksdb.memory.partitioned-index-filters, "
                        + "state.backend.rocksdb.predefined-options, "
                        + "state.backend.rocksdb.timer-service.factory, state.backend.rocksdb.write-back-cache.size, state.backend.type]");
    }

    @Test
    void badValuesAreRefusedNamingTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> RocksDBSettings.from(Map.of("state.backend.rocksdb.timer-service.factory", "DISK")))
                .hasMessage("state.backend.rocksdb.timer-service.factory must be HEAP or ROCKSDB, was 'DISK'");
        assertThatThrownBy(() -> RocksDBSettings.from(Map.of("state.backend.incremental", "yes")))
                .hasMessage("state.backend.incremental must be true or false, was 'yes'");
        assertThatThrownBy(() -> RocksDBSettings.from(Map.of("state.backend.rocksdb.memory.fixed-per-slot", "lots")))
                .hasMessage("state.backend.rocksdb.memory.fixed-per-slot must be a memory size such as '256mb' or '1gb', was 'lots'");
        assertThatThrownBy(() -> RocksDBSettings.from(Map.of("state.backend.rocksdb.predefined-options", "FAST")))
                .hasMessage("state.backend.rocksdb.predefined-options must be one of [DEFAULT, FLASH_SSD_OPTIMIZED, "
                        + "SPINNING_DISK_OPTIMIZED, SPINNING_DISK_OPTIMIZED_HIGH_MEM], was 'FAST'");
        assertThat(RocksDBSettings.from(Map.of("state.backend.rocksdb.memory.fixed-per-slot", "1gb")).sharedMemoryBytes())
                .isEqualTo(1L << 30);
        assertThat(RocksDBSettings.from(Map.of()).partitionedIndexFilters()).as("Weir's default").isTrue();
        assertThat(RocksDBSettings.from(Map.of("state.backend.rocksdb.memory.partitioned-index-filters", "false"))
                .partitionedIndexFilters()).isFalse();
    }
}
