package dev.weir.engine.checkpoint.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint's subtask files are forced to disk together when it completes, before {@code _metadata} exists: a file
 * that cannot be forced fails the completion and leaves no {@code _metadata}. (The storages here inline nothing, so that
 * every subtask has a file to force.)
 */
class CheckpointCompletionOrderTest {
    @TempDir
    Path base;

    private static void writeSubtasks(CheckpointWriter writer, String operatorId, int parallelism) {
        for (int subtask = 0; subtask < parallelism; subtask++) {
            writer.writeSubtask(operatorId, operatorId + "-name", parallelism, 4, subtask,
                    (operatorId + " op" + subtask).getBytes(UTF_8), 0, new byte[0][]);
        }
    }

    @Test
    void aCheckpointOfMoreFilesThanForcingThreadsCompletesAndReadsBack() {
        CheckpointStorage storage = new CheckpointStorage(base, "job", 0);
        CheckpointWriter writer = storage.begin(1, false);
        int operators = DurableFiles.MAX_THREADS + 3;
        for (int o = 0; o < operators; o++) {
            writeSubtasks(writer, "op" + o, 2);
        }
        writer.complete();

        CompletedCheckpoint checkpoint = storage.latest().orElseThrow();
        for (int o = 0; o < operators; o++) {
            assertThat(new String(checkpoint.readOperatorState("op" + o, 1), UTF_8)).isEqualTo("op" + o + " op1");
        }
    }

    @Test
    void aSubtaskFileThatCannotBeForcedFailsTheCompletionNamingItAndLeavesNoMetadata() throws IOException {
        CheckpointStorage storage = new CheckpointStorage(base, "job", 0);
        CheckpointWriter writer = storage.begin(3, false);
        writeSubtasks(writer, "source", 2);
        writeSubtasks(writer, "sink", 2);
        Path lost = stateFiles(writer.directory()).get(1);
        Files.delete(lost);

        assertThatThrownBy(writer::complete).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot force checkpoint file " + lost + " to disk: ")
                .hasMessageEndingWith("(check the disk holding the checkpoint folder); the checkpoint does not complete");
        assertThat(writer.directory().resolve(FileFormat.METADATA_FILE)).doesNotExist();
        List<String> skipped = new ArrayList<>();
        assertThat(storage.latest(skipped::add)).isEmpty();
        assertThat(skipped).containsExactly("Skipped checkpoint " + writer.directory() + ": it has no _metadata file, "
                + "so it never completed (the job stopped while writing it)");
    }

    @Test
    void forcingNoFilesReturnsAndForcingAMissingOneNamesIt() {
        DurableFiles.forceAll(List.of());
        Path missing = base.resolve("op0-1.state");

        assertThatThrownBy(() -> DurableFiles.forceAll(List.of(missing))).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot force checkpoint file " + missing + " to disk: ");
    }

    private static List<Path> stateFiles(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".state")).sorted().toList();
        }
    }
}
