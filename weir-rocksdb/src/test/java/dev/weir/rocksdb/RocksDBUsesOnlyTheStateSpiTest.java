package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The design's rule for this module: weir-rocksdb reaches the engine only through the state-backend SPI
 * ({@code dev.weir.engine.state}), the timer SPI a backend implements to keep timers ({@code dev.weir.engine.time}'s
 * public contract), the state serializer, and the SPI of backends that snapshot into files or stream their
 * savepoints (the {@code dev.weir.engine.checkpoint} types named below and the checkpoint writer's state files), never the runtime's internals; and its public classes ({@code dev.weir.contrib...}, {@code dev.weir.state...}) never name the
 * engine at all.
 */
class RocksDBUsesOnlyTheStateSpiTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ENGINE_REFERENCE = Pattern.compile("\\bdev\\.weir\\.engine(\\.\\w+)+");
    private static final List<String> ALLOWED = List.of("dev.weir.engine.state.", "dev.weir.engine.checkpoint.storage.StateSerializer",
            "dev.weir.engine.checkpoint.FileSnapshottingBackend", "dev.weir.engine.checkpoint.KeyedStateFileSnapshot",
            "dev.weir.engine.checkpoint.RestoredStateFiles", "dev.weir.engine.checkpoint.StreamingSavepointBackend",
            "dev.weir.engine.checkpoint.DeferredKeyGroups", "dev.weir.engine.checkpoint.KeyGroupSnapshot", "dev.weir.engine.checkpoint.storage.CheckpointWriter",
            "dev.weir.engine.checkpoint.storage.StateFile", "dev.weir.engine.time.CheckpointableTimerServices",
            "dev.weir.engine.time.TimerServicesFactory", "dev.weir.engine.time.InternalTimerService", "dev.weir.engine.time.InternalTimer",
            "dev.weir.engine.time.Triggerable", "dev.weir.engine.time.TimerVisitor", "dev.weir.engine.time.ProcessingTimeService",
            "dev.weir.engine.time.ProcessingTimeWakeups");

    @Test
    void theBackendNamesOnlyTheStateSpiAndTheSerializer() throws IOException {
        List<String> found = references("dev/weir/rocksdb");
        assertThat(found).as("the scan sees the backend's engine references").isNotEmpty();
        assertThat(found).filteredOn(r -> ALLOWED.stream().noneMatch(a -> r.substring(r.indexOf(": ") + 2).startsWith(a)))
                .as("engine references outside the state SPI").isEmpty();
    }

    @Test
    void thePublicClassesNeverNameTheEngine() throws IOException {
        assertThat(references("dev/weir/contrib")).isEmpty();
        assertThat(references("dev/weir/state")).isEmpty();
    }

    private static List<String> references(String packageDir) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(packageDir))) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(RocksDBUsesOnlyTheStateSpiTest::engineReferences).toList();
        }
    }

    private static Stream<String> engineReferences(Path file) {
        try {
            Matcher m = ENGINE_REFERENCE.matcher(Files.readString(file));
            Stream.Builder<String> found = Stream.builder();
            while (m.find()) {
                found.add(SOURCES.relativize(file) + ": " + m.group());
            }
            return found.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
