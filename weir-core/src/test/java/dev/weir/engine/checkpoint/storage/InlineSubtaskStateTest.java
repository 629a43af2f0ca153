package dev.weir.engine.checkpoint.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.engine.checkpoint.CheckpointOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subtask's snapshot of at most the inline threshold (Flink's {@code execution.checkpointing.data-inline-threshold},
 * 20 KB by default) is stored in {@code _metadata}, larger ones in files of their own; both restore the same bytes,
 * and checkpoints written before inline state existed (format version 2) still restore.
 */
class InlineSubtaskStateTest {
    private static final int MAX_PARALLELISM = 4;

    @TempDir
    Path base;

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    /** Two subtasks of a source (operator state) and of a keyed operator (two key groups each). */
    private static void writeJob(CheckpointWriter writer) {
        for (int subtask = 0; subtask < 2; subtask++) {
            writer.writeSubtask("source", "Source: readings", 2, MAX_PARALLELISM, subtask, bytes("offset of split " + subtask),
                    0, new byte[0][]);
            byte[][] groups = {bytes("count of key group " + 2 * subtask), bytes("count of key group " + (2 * subtask + 1))};
            writer.writeSubtask("counts", "Keyed counts", 2, MAX_PARALLELISM, subtask, null, 2 * subtask, groups);
        }
    }

    private static void assertJobRestores(CompletedCheckpoint checkpoint) {
        assertThat(text(checkpoint.readOperatorState("source", 0))).isEqualTo("offset of split 0");
        assertThat(text(checkpoint.readOperatorState("source", 1))).isEqualTo("offset of split 1");
        assertThat(checkpoint.readOperatorState("counts", 1)).isEmpty();
        for (int keyGroup = 0; keyGroup < MAX_PARALLELISM; keyGroup++) {
            assertThat(text(checkpoint.readKeyGroup("counts", keyGroup))).isEqualTo("count of key group " + keyGroup);
        }
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void smallSnapshotsAreStoredInTheMetadataFileAloneByDefaultAndRestoreExactly() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(base, "small states");
        CheckpointWriter writer = storage.begin(1, false);
        writeJob(writer);
        Path folder = writer.complete();

        assertThat(filesIn(folder)).containsExactly("_metadata");
        CompletedCheckpoint checkpoint = storage.latest().orElseThrow();
        assertJobRestores(checkpoint);
        assertThat(checkpoint.metadata().operator("counts").subtasks()).allMatch(SubtaskStateMeta::isInline);
    }

    @Test
    void aSnapshotLargerThanTheThresholdGetsAFileWhileTheSmallOnesBesideItStayInline() throws IOException {
        byte[] large = new byte[300];
        java.util.Arrays.fill(large, (byte) 'x');
        CheckpointStorage storage = new CheckpointStorage(base, "mixed", 200);
        CheckpointWriter writer = storage.begin(1, false);
        writer.writeSubtask("source", "Source: readings", 2, MAX_PARALLELISM, 0, large, 0, new byte[0][]);
        writer.writeSubtask("source", "Source: readings", 2, MAX_PARALLELISM, 1, bytes("offset of split 1"), 0, new byte[0][]);
        Path folder = writer.complete();

        assertThat(filesIn(folder)).containsExactly("_metadata", "op0-0.state");
        CompletedCheckpoint checkpoint = storage.latest().orElseThrow();
        assertThat(checkpoint.readOperatorState("source", 0)).isEqualTo(large);
        assertThat(text(checkpoint.readOperatorState("source", 1))).isEqualTo("offset of split 1");
    }

    @Test
    void aSnapshotOfExactlyTheThresholdIsInlineAndOneByteMoreIsAFile() throws IOException {
        byte[] state = bytes("offset of split 0");
        int size = (int) SubtaskFileWriter.fileBytes(state, new byte[0][]);
        for (int threshold : new int[] {size, size - 1}) {
            CheckpointStorage storage = new CheckpointStorage(base.resolve("t" + threshold), "edge", threshold);
            CheckpointWriter writer = storage.begin(1, false);
            writer.writeSubtask("source", "Source: readings", 1, MAX_PARALLELISM, 0, state, 0, new byte[0][]);
            Path folder = writer.complete();

            assertThat(filesIn(folder)).as("threshold %d, snapshot of %d bytes", threshold, size)
                    .isEqualTo(threshold == size ? List.of("_metadata") : List.of("_metadata", "op0-0.state"));
            assertThat(text(storage.latest().orElseThrow().readOperatorState("source", 0))).isEqualTo("offset of split 0");
        }
    }

    @Test
    void aThresholdOfZeroWritesEverySnapshotToAFileAsBefore() throws IOException {
        CheckpointStorage storage = CheckpointStorage.open(base.toString(), "files only",
                Map.of(CheckpointStorage.INLINE_THRESHOLD, "0"));
        CheckpointWriter writer = storage.begin(1, false);
        writeJob(writer);
        Path folder = writer.complete();

        assertThat(filesIn(folder)).containsExactly("_metadata", "op0-0.state", "op0-1.state", "op1-0.state", "op1-1.state");
        assertJobRestores(storage.latest().orElseThrow());
    }

    @Test
    void savepointsInlineSmallSnapshotsToo() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(base.resolve("checkpoints"), "saved");
        CheckpointWriter writer = storage.beginSavepoint(base.resolve("savepoints"), 3);
        writeJob(writer);
        Path folder = writer.complete();

        assertThat(filesIn(folder)).containsExactly("_metadata");
        assertJobRestores(storage.load(folder));
    }

    @Test
    void aThresholdAboveOneMegabyteIsRefusedNamingTheOptionAndTheBound() {
        assertThatThrownBy(() -> CheckpointStorage.open(base.toString(), "job", Map.of(CheckpointStorage.INLINE_THRESHOLD, "2mb")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'execution.checkpointing.data-inline-threshold' is 2mb; it must be between 0 and 1mb (as in "
                        + "Flink: _metadata is read whole); set a smaller size, or 0 to write every snapshot to a file");
    }

    @Test
    void theJobsThresholdSettingReachesTheStorage() {
        CheckpointOptions options = CheckpointOptions.from(Map.of("execution.checkpointing.data-inline-threshold", "1024",
                "s3.endpoint", "http://localhost:9000", "pipeline.name", "job"));

        assertThat(options.storageSettings()).isEqualTo(Map.of("execution.checkpointing.data-inline-threshold", "1024",
                "s3.endpoint", "http://localhost:9000"));
        assertThat(InlineThreshold.fromSettings(options.storageSettings())).isEqualTo(1024);
    }

    @Test
    void aCheckpointAndASavepointWrittenInFormatVersion2BeforeInlineStateStillRestore() throws IOException {
        for (String name : List.of("chk-7", "savepoint-format_v2-8")) {
            Path folder = copyFixture(name);
            CompletedCheckpoint restored = new CheckpointStorage(base.resolve("checkpoints"), "reader").load(folder);

            assertThat(restored.metadata().checkpointId()).isEqualTo(name.startsWith("chk") ? 7 : 8);
            assertThat(restored.metadata().savepoint()).isEqualTo(name.startsWith("savepoint"));
            assertThat(restored.metadata().operator("source").subtasks()).noneMatch(SubtaskStateMeta::isInline);
            assertJobRestores(restored);
        }
    }

    /** Copies a folder written by the weir-core jar before this format change (test resources, format-v2/). */
    private Path copyFixture(String name) throws IOException {
        Path target = base.resolve("fixtures").resolve(name);
        Files.createDirectories(target);
        for (String file : List.of("_metadata", "op0-0.state", "op0-1.state", "op1-0.state", "op1-1.state")) {
            try (InputStream in = getClass().getResourceAsStream("format-v2/" + name + "/" + file)) {
                assertThat(in).as("fixture %s/%s", name, file).isNotNull();
                Files.copy(in, target.resolve(file));
            }
        }
        return target;
    }
}
