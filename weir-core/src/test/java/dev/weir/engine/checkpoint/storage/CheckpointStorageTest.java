package dev.weir.engine.checkpoint.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStorageTest {
    private static final int MAX_PARALLELISM = 12;

    @TempDir
    Path base;

    /** Every subtask in a file of its own (no inline threshold), so the tests can damage one file. */
    private CheckpointStorage storage() {
        return new CheckpointStorage(base, "orders job/v1", 0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    /** Subtask {@code subtask} of {@code parallelism} holds key groups by Weir's range rule. */
    private static void writeKeyed(CheckpointWriter writer, String operatorId, int parallelism, long id) {
        for (int subtask = 0; subtask < parallelism; subtask++) {
            int first = (subtask * MAX_PARALLELISM + parallelism - 1) / parallelism;
            int end = ((subtask + 1) * MAX_PARALLELISM + parallelism - 1) / parallelism;
            byte[][] groups = new byte[end - first][];
            for (int kg = first; kg < end; kg++) {
                groups[kg - first] = bytes(operatorId + "@" + id + " kg" + kg);
            }
            writer.writeSubtask(operatorId, operatorId + "-name", parallelism, MAX_PARALLELISM, subtask,
                    bytes(operatorId + "@" + id + " op" + subtask), first, groups);
        }
    }

    private Path completeCheckpoint(CheckpointStorage storage, long id) {
        CheckpointWriter writer = storage.begin(id, false);
        writeKeyed(writer, "window", 2, id);
        return writer.complete();
    }

    private static Path dataFile(Path checkpoint) throws IOException {
        try (Stream<Path> files = Files.list(checkpoint)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".state")).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void roundTripsOperatorAndKeyedStateOfSeveralOperatorsAndSubtasks() {
        CheckpointStorage storage = storage();
        CheckpointWriter writer = storage.begin(7, false);
        writeKeyed(writer, "window", 2, 7);
        writeKeyed(writer, "dedupe", 3, 7);
        writer.writeSubtask("source", "Source: numbers", 1, MAX_PARALLELISM, 0, bytes("offset=42"), 0,
                new byte[0][]);
        Path directory = writer.complete();

        CompletedCheckpoint checkpoint = storage.latest().orElseThrow();
        assertThat(checkpoint.directory()).isEqualTo(directory)
                .isEqualTo(base.resolve("orders_job_v1").resolve("chk-7"));
        CheckpointMetadata metadata = checkpoint.metadata();
        assertThat(metadata.checkpointId()).isEqualTo(7);
        assertThat(metadata.savepoint()).isFalse();
        assertThat(metadata.jobName()).isEqualTo("orders job/v1");
        assertThat(checkpoint.operatorIds()).containsExactly("dedupe", "source", "window");
        assertThat(metadata.operator("dedupe").parallelism()).isEqualTo(3);
        assertThat(metadata.operator("dedupe").operatorName()).isEqualTo("dedupe-name");
        assertThat(metadata.operator("window").subtasks()).extracting(SubtaskStateMeta::firstKeyGroup,
                SubtaskStateMeta::keyGroupCount).containsExactly(org.assertj.core.groups.Tuple.tuple(0, 6),
                org.assertj.core.groups.Tuple.tuple(6, 6));
        assertThat(text(checkpoint.readOperatorState("window", 1))).isEqualTo("window@7 op1");
        assertThat(text(checkpoint.readOperatorState("dedupe", 2))).isEqualTo("dedupe@7 op2");
        assertThat(text(checkpoint.readOperatorState("source", 0))).isEqualTo("offset=42");
        for (int kg = 0; kg < MAX_PARALLELISM; kg++) {
            assertThat(text(checkpoint.readKeyGroup("window", kg))).isEqualTo("window@7 kg" + kg);
            assertThat(text(checkpoint.readKeyGroup("dedupe", kg))).isEqualTo("dedupe@7 kg" + kg);
        }
        assertThat(checkpoint.readKeyGroup("source", 5)).isEmpty();
    }

    @Test
    void keyGroupsWrittenAtParallelismTwoAreReadBackPerSubtaskAtParallelismThree() {
        CheckpointStorage storage = storage();
        completeCheckpoint(storage, 1);
        CompletedCheckpoint checkpoint = storage.latest().orElseThrow();

        List<List<String>> restored = new ArrayList<>();
        int newParallelism = 3;
        for (int subtask = 0; subtask < newParallelism; subtask++) {
            List<String> mine = new ArrayList<>();
            for (int kg = 0; kg < MAX_PARALLELISM; kg++) {
                if (kg * newParallelism / MAX_PARALLELISM == subtask) {
                    mine.add(text(checkpoint.readKeyGroup("window", kg)));
                }
            }
            restored.add(mine);
        }

        assertThat(restored).containsExactly(
                List.of("window@1 kg0", "window@1 kg1", "window@1 kg2", "window@1 kg3"),
                List.of("window@1 kg4", "window@1 kg5", "window@1 kg6", "window@1 kg7"),
                List.of("window@1 kg8", "window@1 kg9", "window@1 kg10", "window@1 kg11"));
    }

    @Test
    void aCheckpointWithoutMetadataIsSkippedWithANoteAndThePreviousOneIsUsed() throws IOException {
        CheckpointStorage storage = storage();
        completeCheckpoint(storage, 1);
        CheckpointWriter unfinished = storage.begin(2, false);
        writeKeyed(unfinished, "window", 2, 2);
        Files.writeString(unfinished.directory().resolve("_metadata.inprogress"), "half");

        List<String> notes = new ArrayList<>();
        CompletedCheckpoint checkpoint = storage.latest(notes::add).orElseThrow();

        assertThat(checkpoint.metadata().checkpointId()).isEqualTo(1);
        assertThat(text(checkpoint.readKeyGroup("window", 3))).isEqualTo("window@1 kg3");
        assertThat(notes).containsExactly("Skipped checkpoint " + storage.checkpointDirectory(2)
                + ": it has no _metadata file, so it never completed (the job stopped while writing it)");
    }

    @Test
    void noCheckpointAtAllGivesEmpty() {
        assertThat(storage().latest()).isEmpty();
    }

    @Test
    void aFlippedByteInADataFileIsRefusedNamingTheFileAndNeverFallsBack() throws IOException {
        CheckpointStorage storage = storage();
        completeCheckpoint(storage, 1);
        Path latest = completeCheckpoint(storage, 2);
        Path file = dataFile(latest);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long position = raf.length() - 10;
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x01);
        }

        assertThatThrownBy(storage::latest)
                .isInstanceOf(CheckpointException.class)
                .satisfies(e -> {
                    CheckpointException refusal = (CheckpointException) e;
                    assertThat(refusal.file()).isEqualTo(file);
                    assertThat(refusal.reason()).startsWith("checksum mismatch: stored CRC32C 0x");
                })
                .hasMessageStartingWith("Refusing to restore job 'orders job/v1': its latest completed checkpoint "
                        + latest + " is corrupt: " + file + ": checksum mismatch")
                .hasMessageContaining("Weir does not fall back to an older checkpoint by itself")
                .hasMessageEndingWith("restore explicitly from an older retained checkpoint or a savepoint by its "
                        + "path. Older retained checkpoints: " + storage.checkpointDirectory(1) + ".");
    }

    @Test
    void anOlderRetainedCheckpointCanStillBeLoadedExplicitlyAfterTheLatestIsRefused() throws IOException {
        CheckpointStorage storage = storage();
        Path older = completeCheckpoint(storage, 1);
        Path latest = completeCheckpoint(storage, 2);
        Files.delete(dataFile(latest));

        assertThatThrownBy(storage::latest).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("missing: _metadata lists it but the file does not exist");
        CompletedCheckpoint chosen = storage.load(older);
        assertThat(chosen.metadata().checkpointId()).isEqualTo(1);
        assertThat(text(chosen.readKeyGroup("window", 11))).isEqualTo("window@1 kg11");
    }

    @Test
    void aTruncatedDataFileIsRefusedAsTruncated() throws IOException {
        CheckpointStorage storage = storage();
        Path latest = completeCheckpoint(storage, 3);
        Path file = dataFile(latest);
        long length = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length - 5);
        }

        assertThatThrownBy(storage::latest).isInstanceOf(CheckpointException.class)
                .satisfies(e -> assertThat(((CheckpointException) e).reason())
                        .isEqualTo("truncated: " + (length - 5) + " bytes, expected " + length))
                .hasMessageContaining(file + ": truncated")
                .hasMessageContaining("No older completed checkpoint is retained here.");
    }

    @Test
    void aTruncatedMetadataFileIsRefusedAsTruncated() throws IOException {
        CheckpointStorage storage = storage();
        Path latest = completeCheckpoint(storage, 3);
        Path metadata = latest.resolve("_metadata");
        byte[] content = Files.readAllBytes(metadata);
        Files.write(metadata, java.util.Arrays.copyOf(content, content.length - 1));

        assertThatThrownBy(storage::latest).isInstanceOf(CheckpointException.class)
                .satisfies(e -> assertThat(((CheckpointException) e).file()).isEqualTo(metadata))
                .satisfies(e -> assertThat(((CheckpointException) e).reason())
                        .isEqualTo("truncated: " + (content.length - 1) + " bytes, expected " + content.length));
    }

    @Test
    void aFileWithABadMagicNumberIsRefusedAsNotAWeirFile() throws IOException {
        CheckpointStorage storage = storage();
        Path latest = completeCheckpoint(storage, 4);
        Path file = dataFile(latest);
        overwriteInt(file, 0, 0xCAFEBABE);

        assertThatThrownBy(storage::latest).isInstanceOf(CheckpointException.class)
                .satisfies(e -> assertThat(((CheckpointException) e).file()).isEqualTo(file))
                .satisfies(e -> assertThat(((CheckpointException) e).reason()).isEqualTo(
                        "bad magic number 0xCAFEBABE, expected 0x57455344: not a Weir state data file"));
    }

    @Test
    void aMetadataFileFromAFutureFormatVersionIsRefusedAsNewer() throws IOException {
        CheckpointStorage storage = storage();
        Path latest = completeCheckpoint(storage, 5);
        Path metadata = latest.resolve("_metadata");
        overwriteInt(metadata, 4, 4);

        assertThatThrownBy(storage::latest).isInstanceOf(CheckpointException.class)
                .satisfies(e -> assertThat(((CheckpointException) e).file()).isEqualTo(metadata))
                .satisfies(e -> assertThat(((CheckpointException) e).reason()).isEqualTo(
                        "format version 4 is newer than this Weir reads (up to 3): it was written by a newer Weir; "
                                + "restore it with that version"));
    }

    @Test
    void explicitlyLoadingAFolderWithoutMetadataIsRefusedAsIncomplete() {
        CheckpointStorage storage = storage();
        CheckpointWriter writer = storage.begin(9, false);
        writeKeyed(writer, "window", 2, 9);

        assertThatThrownBy(() -> storage.load(writer.directory())).isInstanceOf(CheckpointException.class)
                .hasMessage("Cannot restore from " + writer.directory()
                        + ": no _metadata file: the checkpoint never completed. Give the folder of a completed "
                        + "checkpoint or savepoint.");
    }

    @Test
    void retentionKeepsTheNewestCompletedCheckpointsAndOlderUnfinishedOnesGo() {
        CheckpointStorage storage = storage();
        for (long id = 1; id <= 5; id++) {
            completeCheckpoint(storage, id);
        }
        storage.begin(6, false);
        CheckpointWriter unfinishedOld = storage.begin(0, false);

        storage.retain(2);

        assertThat(Files.exists(storage.checkpointDirectory(6))).isTrue();
        assertThat(Files.exists(storage.checkpointDirectory(5))).isTrue();
        assertThat(Files.exists(storage.checkpointDirectory(4))).isTrue();
        for (long id : new long[] {3, 2, 1}) {
            assertThat(Files.exists(storage.checkpointDirectory(id))).as("chk-" + id).isFalse();
        }
        assertThat(Files.exists(unfinishedOld.directory())).isFalse();
    }

    @Test
    void savepointsLiveOutsideTheCheckpointFolderAndSurviveRetention() {
        CheckpointStorage storage = storage();
        Path target = base.resolve("savepoints");
        CheckpointWriter savepoint = storage.beginSavepoint(target, 3);
        writeKeyed(savepoint, "window", 2, 3);
        Path directory = savepoint.complete();
        completeCheckpoint(storage, 4);
        completeCheckpoint(storage, 5);

        storage.retain(1);

        assertThat(directory).isEqualTo(target.resolve("savepoint-orders_job_v1-3"));
        CompletedCheckpoint loaded = storage.load(directory.resolve("_metadata"));
        assertThat(loaded.metadata().savepoint()).isTrue();
        assertThat(text(loaded.readKeyGroup("window", 7))).isEqualTo("window@3 kg7");
        assertThat(storage.latest().orElseThrow().metadata().checkpointId()).isEqualTo(5);
    }

    @Test
    void abortRemovesTheFolder() {
        CheckpointStorage storage = storage();
        CheckpointWriter writer = storage.begin(1, false);
        writeKeyed(writer, "window", 2, 1);

        writer.abort();

        assertThat(Files.exists(writer.directory())).isFalse();
        assertThat(storage.latest()).isEmpty();
    }

    @Test
    void completeRefusesAnOperatorWithAMissingSubtask() {
        CheckpointWriter writer = storage().begin(1, false);
        writer.writeSubtask("window", "w", 2, MAX_PARALLELISM, 0, null, 0, new byte[6][]);

        assertThatThrownBy(writer::complete).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot complete checkpoint 1: operator 'window' (w) has no snapshot from subtask 1 of 2");
        assertThat(Files.exists(writer.directory().resolve("_metadata"))).isFalse();
    }

    @Test
    void completeRefusesKeyGroupRangesWithAGap() {
        CheckpointWriter writer = storage().begin(1, false);
        writer.writeSubtask("window", "w", 2, MAX_PARALLELISM, 0, null, 0, new byte[5][]);
        writer.writeSubtask("window", "w", 2, MAX_PARALLELISM, 1, null, 6, new byte[6][]);

        assertThatThrownBy(writer::complete).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot complete checkpoint 1: operator 'window' key groups do not cover 0..11 exactly "
                        + "once: subtask 1 starts at 6, expected 5");
    }

    @Test
    void aSubtaskCannotBeWrittenTwice() {
        CheckpointWriter writer = storage().begin(1, false);
        writer.writeSubtask("window", "w", 2, MAX_PARALLELISM, 0, null, 0, new byte[6][]);

        assertThatThrownBy(() -> writer.writeSubtask("window", "w", 2, MAX_PARALLELISM, 0, null, 0, new byte[6][]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("operator 'window' subtask 0 was already written to checkpoint 1");
    }

    @Test
    void aCompletedCheckpointIsNeverOverwrittenButAnUnfinishedOneOfTheSameIdIsReplaced() {
        CheckpointStorage storage = storage();
        completeCheckpoint(storage, 1);
        CheckpointWriter crashed = storage.begin(2, false);
        writeKeyed(crashed, "window", 2, 2);

        assertThatThrownBy(() -> storage.begin(1, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checkpoint 1 already exists complete at " + storage.checkpointDirectory(1));
        CheckpointWriter retry = storage.begin(2, false);
        writeKeyed(retry, "window", 2, 22);
        retry.complete();
        assertThat(text(storage.latest().orElseThrow().readKeyGroup("window", 0))).isEqualTo("window@22 kg0");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fourThreadsWriteSubtasksConcurrently() throws Exception {
        CheckpointStorage storage = storage();
        CheckpointWriter writer = storage.begin(1, false);
        int parallelism = 4;
        String[] operators = {"a", "b", "c", "d", "e", "f"};
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int subtask = 0; subtask < parallelism; subtask++) {
                int me = subtask;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (String operator : operators) {
                        byte[][] groups = new byte[3][];
                        for (int i = 0; i < 3; i++) {
                            groups[i] = bytes(operator + " kg" + (me * 3 + i));
                        }
                        writer.writeSubtask(operator, operator, parallelism, MAX_PARALLELISM, me,
                                bytes(operator + " op" + me), me * 3, groups);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        writer.complete();

        CompletedCheckpoint checkpoint = storage.latest().orElseThrow();
        assertThat(checkpoint.operatorIds()).containsExactly(operators);
        for (String operator : operators) {
            for (int subtask = 0; subtask < parallelism; subtask++) {
                assertThat(text(checkpoint.readOperatorState(operator, subtask))).isEqualTo(operator + " op" + subtask);
            }
            for (int kg = 0; kg < MAX_PARALLELISM; kg++) {
                assertThat(text(checkpoint.readKeyGroup(operator, kg))).isEqualTo(operator + " kg" + kg);
            }
        }
    }

    @Test
    void aSectionDamagedAfterLoadingIsRefusedWhenRead() throws IOException {
        CheckpointStorage storage = storage();
        Path latest = completeCheckpoint(storage, 1);
        CompletedCheckpoint checkpoint = storage.latest().orElseThrow();
        Path file = latest.resolve(checkpoint.metadata().operator("window").subtasks().get(1).fileName());
        byte[] content = Files.readAllBytes(file);
        content[content.length - 6] ^= 0x40;
        Files.write(file, content);

        assertThatThrownBy(() -> checkpoint.readKeyGroup("window", 11)).isInstanceOf(CheckpointException.class)
                .satisfies(e -> assertThat(((CheckpointException) e).file()).isEqualTo(file))
                .hasMessageContaining("checksum mismatch in the key group section 5");
        assertThat(text(checkpoint.readKeyGroup("window", 10))).isEqualTo("window@1 kg10");
    }

    private static void overwriteInt(Path file, long position, int value) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            raf.write(ByteBuffer.allocate(4).putInt(value).array());
        }
    }
}
