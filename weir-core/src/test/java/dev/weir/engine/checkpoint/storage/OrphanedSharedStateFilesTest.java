package dev.weir.engine.checkpoint.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared state files (incremental RocksDB SST files) that no completed checkpoint lists, left by a checkpoint that was
 * being written when its process was killed: deleted at the next retention in the same job folder, or when a job
 * restores from the killed run's folder; a file a completed checkpoint lists is never deleted.
 */
class OrphanedSharedStateFilesTest {
    @TempDir
    Path base;
    /** File a as the killed run's checkpoint 1 stored it. */
    private StateFile storedA;

    private Path sst(String name) throws IOException {
        Path file = base.resolve("rocksdb-" + name);
        Files.writeString(file, "sst " + name);
        return file;
    }

    /** One keyed subtask whose backend put {@code files} into the checkpoint. */
    private static void writeSubtask(CheckpointWriter writer, List<StateFile> files) {
        writer.writeSubtask("counts", "Counts", 1, 4, 0, "op".getBytes(UTF_8), 0, new byte[4][], files);
    }

    private static List<String> sharedFolder(Path jobFolder) throws IOException {
        try (Stream<Path> files = Files.list(jobFolder.resolve(SharedStateFiles.FOLDER))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A killed run in {@code job}'s folder: checkpoint 1 completed listing a and b; checkpoint 2 had shared b again and
     * uploaded c when the process died (its writer neither completed nor aborted).
     */
    private Path killedRun(String job) throws IOException {
        CheckpointStorage killed = new CheckpointStorage(base.resolve("checkpoints"), job);
        CheckpointWriter first = killed.begin(1, false);
        StateFile a = first.shareStateFile(sst("a"), null, "s-1-a.sst");
        StateFile b = first.shareStateFile(sst("b"), null, "s-1-b.sst");
        writeSubtask(first, List.of(a, b));
        first.complete();
        storedA = a;
        CheckpointWriter second = killed.begin(2, false);
        second.shareStateFile(sst("b"), b, "s-2-b.sst");
        second.shareStateFile(sst("c"), null, "s-2-c.sst");
        assertThat(sharedFolder(killed.jobDirectory())).containsExactly("s-1-a.sst", "s-1-b.sst", "s-2-c.sst");
        return killed.jobDirectory();
    }

    @Test
    void theNextRetentionInTheSameJobFolderDeletesTheKilledCheckpointsOrphanAndWhatOnlyRetiredCheckpointsListed() throws Exception {
        Path jobFolder = killedRun("fixed name");
        // The restarted job writes into the same folder (its name is fixed) and references a from checkpoint 1.
        CheckpointStorage restarted = new CheckpointStorage(base.resolve("checkpoints"), "fixed name");
        CheckpointWriter third = restarted.begin(3, false);
        StateFile reused = third.shareStateFile(sst("a"), storedA, "s-3-a.sst");
        StateFile d = third.shareStateFile(sst("d"), null, "s-3-d.sst");
        writeSubtask(third, List.of(reused, d));
        third.complete();

        restarted.retain(1);

        assertThat(sharedFolder(jobFolder)).as("what checkpoint 3 lists, nothing else").containsExactly("s-1-a.sst", "s-3-d.sst");
        assertThat(restarted.latest().orElseThrow().metadata().checkpointId()).isEqualTo(3);
    }

    @Test
    void retentionKeepsTheFilesOfACheckpointBeingWrittenAndDeletesThemOnlyOnceItIsAbandoned() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(base.resolve("checkpoints"), "job");
        CheckpointWriter first = storage.begin(1, false);
        writeSubtask(first, List.of(first.shareStateFile(sst("a"), null, "s-1-a.sst")));
        first.complete();
        CheckpointWriter inFlight = storage.begin(2, false);
        inFlight.shareStateFile(sst("b"), null, "s-2-b.sst");

        storage.retain(1);
        assertThat(sharedFolder(storage.jobDirectory())).as("pinned by the checkpoint being written").containsExactly("s-1-a.sst", "s-2-b.sst");

        inFlight.abort();
        storage.retain(1);
        assertThat(sharedFolder(storage.jobDirectory())).containsExactly("s-1-a.sst");
    }

    @Test
    void restoringFromAKilledRunsJobFolderDeletesItsOrphanAndRestoresEveryFileItsCheckpointLists() throws Exception {
        Path killedFolder = killedRun("killed");
        CheckpointStorage next = new CheckpointStorage(base.resolve("checkpoints"), "next run");

        CompletedCheckpoint restored = next.load(killedFolder);

        assertThat(restored.metadata().checkpointId()).isEqualTo(1);
        assertThat(sharedFolder(killedFolder)).as("checkpoint 1's files stay; checkpoint 2's upload is gone")
                .containsExactly("s-1-a.sst", "s-1-b.sst");
        List<String> contents = new ArrayList<>();
        for (StateFile file : restored.stateFiles("counts", 0)) {
            contents.add(Files.readString(restored.stateFilePath(file)));
        }
        assertThat(contents).containsExactly("sst a", "sst b");
    }

    @Test
    void aSavepointOrACheckpointOutsideAJobFolderIsRestoredWithoutDeletingAnything() throws Exception {
        Path killedFolder = killedRun("kept");
        Path copy = base.resolve("copied-checkpoint");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(killedFolder.resolve("chk-1"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(base.resolve(SharedStateFiles.FOLDER));
        Files.writeString(base.resolve(SharedStateFiles.FOLDER).resolve("unrelated.sst"), "not Weir's");
        Files.copy(killedFolder.resolve("shared/s-1-a.sst"), base.resolve("shared/s-1-a.sst"));
        Files.copy(killedFolder.resolve("shared/s-1-b.sst"), base.resolve("shared/s-1-b.sst"));

        new CheckpointStorage(base.resolve("checkpoints"), "reader").load(copy);

        assertThat(sharedFolder(base)).as("a folder not named chk-<id> is not a job's checkpoint: nothing is swept")
                .containsExactly("s-1-a.sst", "s-1-b.sst", "unrelated.sst");
        assertThat(sharedFolder(killedFolder)).containsExactly("s-1-a.sst", "s-1-b.sst", "s-2-c.sst");
    }
}
