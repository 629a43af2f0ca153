package dev.weir.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.checkpoint.storage.CheckpointWriter;
import dev.weir.engine.checkpoint.storage.CompletedCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine's checkpoint storage on {@code s3://} locations, against s3proxy in this JVM. */
@Timeout(120)
class S3CheckpointStorageTest {
    private static final String BUCKET = "checkpoints";
    private static S3ProxyServer s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.startOnFreePort();
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static void write(CheckpointWriter writer, long id) {
        writer.writeSubtask("counts", "Counts", 2, 4, 0, bytes("op0@" + id), 0, new byte[][] {bytes("kg0@" + id), bytes("kg1@" + id)});
        writer.writeSubtask("counts", "Counts", 2, 4, 1, bytes("op1@" + id), 2, new byte[][] {bytes("kg2@" + id), bytes("kg3@" + id)});
    }

    /**
     * The store's settings with every subtask snapshot in a file of its own (no inline threshold), so that the tests see
     * the objects a checkpoint uploads one by one.
     */
    private static Map<String, String> filesOnly() {
        Map<String, String> settings = new HashMap<>(s3.settings());
        settings.put(CheckpointStorage.INLINE_THRESHOLD, "0");
        return settings;
    }

    @Test
    void aCompletedCheckpointIsUploadedObjectByObjectAndRestoresFromItsS3Location() {
        CheckpointStorage storage = CheckpointStorage.open("s3://" + BUCKET + "/round-trip", "orders job", filesOnly());
        CheckpointWriter writer = storage.begin(7, false);
        write(writer, 7);
        writer.complete();

        assertThat(writer.location()).isEqualTo("s3://checkpoints/round-trip/orders_job/chk-7");
        assertThat(s3.keys(BUCKET, "round-trip/")).containsExactly("round-trip/orders_job/chk-7/_metadata",
                "round-trip/orders_job/chk-7/op0-0.state", "round-trip/orders_job/chk-7/op0-1.state");

        for (String location : List.of(writer.location(), writer.location() + "/_metadata", "s3://checkpoints/round-trip/orders_job",
                "s3a://checkpoints/round-trip/orders_job/chk-7")) {
            CompletedCheckpoint restored = CheckpointStorage.open(dir.toString(), "restorer", s3.settings()).load(location);
            assertThat(restored.metadata().checkpointId()).as(location).isEqualTo(7);
            assertThat(new String(restored.readOperatorState("counts", 1), UTF_8)).as(location).isEqualTo("op1@7");
            assertThat(new String(restored.readKeyGroup("counts", 2), UTF_8)).as(location).isEqualTo("kg2@7");
        }
    }

    @Test
    void smallSnapshotsTravelInsideTheMetadataObjectAloneByDefaultAndRestore() {
        CheckpointStorage storage = CheckpointStorage.open("s3://" + BUCKET + "/inline", "orders job", s3.settings());
        CheckpointWriter writer = storage.begin(7, false);
        write(writer, 7);
        writer.complete();

        assertThat(s3.keys(BUCKET, "inline/")).containsExactly("inline/orders_job/chk-7/_metadata");
        CompletedCheckpoint restored = CheckpointStorage.open(dir.toString(), "restorer", s3.settings()).load(writer.location());
        assertThat(new String(restored.readOperatorState("counts", 1), UTF_8)).isEqualTo("op1@7");
        assertThat(new String(restored.readKeyGroup("counts", 2), UTF_8)).isEqualTo("kg2@7");
    }

    @Test
    void retentionDeletesTheRetiredCheckpointsObjectsAndARestoreOfTheJobFolderTakesTheNewest() {
        CheckpointStorage storage = CheckpointStorage.open("s3a://" + BUCKET + "/retained/", "job", filesOnly());
        for (long id = 1; id <= 3; id++) {
            CheckpointWriter writer = storage.begin(id, false);
            write(writer, id);
            writer.complete();
            storage.retain(2);
        }

        assertThat(s3.keys(BUCKET, "retained/")).containsExactly("retained/job/chk-2/_metadata", "retained/job/chk-2/op0-0.state",
                "retained/job/chk-2/op0-1.state", "retained/job/chk-3/_metadata", "retained/job/chk-3/op0-0.state",
                "retained/job/chk-3/op0-1.state");
        CompletedCheckpoint newest = storage.load("s3a://checkpoints/retained/job");
        assertThat(newest.metadata().checkpointId()).isEqualTo(3);

        storage.discard();
        assertThat(s3.keys(BUCKET, "retained/")).isEmpty();
    }

    @Test
    void aSavepointOnS3IsWrittenBesideTheCheckpointsAndRestores() {
        CheckpointStorage storage = CheckpointStorage.open(dir.resolve("local").toString(), "job", s3.settings());
        CheckpointWriter writer = storage.beginSavepoint("s3p://" + BUCKET + "/savepoints", 4);
        write(writer, 4);
        writer.complete();

        assertThat(writer.location()).isEqualTo("s3p://checkpoints/savepoints/savepoint-job-4");
        assertThat(s3.keys(BUCKET, "savepoints/")).contains("savepoints/savepoint-job-4/_metadata");
        CompletedCheckpoint restored = storage.load(writer.location());
        assertThat(restored.metadata().savepoint()).isTrue();
        assertThat(new String(restored.readOperatorState("counts", 0), UTF_8)).isEqualTo("op0@4");
    }

    @Test
    void aCheckpointThatCannotBeUploadedFailsAloneAndLeavesNoMetadataObject() throws Exception {
        Map<String, String> settings = new HashMap<>(filesOnly());
        settings.put(S3Options.MAX_ATTEMPTS, "2");
        CheckpointStorage storage = CheckpointStorage.open("s3://" + BUCKET + "/outage", "job", settings);
        CheckpointWriter writer = storage.begin(1, false);
        write(writer, 1);
        s3.stop();
        try {
            assertThatThrownBy(writer::complete).hasMessageStartingWith("cannot write checkpoint to s3://checkpoints/outage/job/chk-1: "
                    + "cannot write s3://checkpoints/outage/job/chk-1/op0-0.state");
        } finally {
            s3.start();
        }
        assertThat(s3.keys(BUCKET, "outage/")).noneMatch(key -> key.endsWith("_metadata"));
        assertThat(writer.directory()).doesNotExist();

        CheckpointWriter next = storage.begin(2, false);
        write(next, 2);
        next.complete();
        assertThat(storage.load("s3://checkpoints/outage/job").metadata().checkpointId()).isEqualTo(2);
    }

    @Test
    void aRestoreFromALocationWithoutACompletedCheckpointIsRefusedNamingIt() {
        CheckpointStorage storage = CheckpointStorage.open(dir.toString(), "job", s3.settings());
        assertThatThrownBy(() -> storage.load("s3://checkpoints/nothing-here"))
                .hasMessage("Cannot restore from s3://checkpoints/nothing-here: it holds no completed checkpoint or savepoint (no "
                        + "_metadata object). Give the location of a completed checkpoint or savepoint, or of a job's checkpoint folder.");
    }

    @Test
    void aLocationWhoseSchemeNoModuleServesIsRefusedNamingTheModule() {
        assertThatThrownBy(() -> CheckpointStorage.open("gs://bucket/path", "job", Map.of()))
                .hasMessage("No checkpoint storage for 'gs://' locations (gs://bucket/path/job): put weir-s3 on the class path for "
                        + "s3://, s3a:// and s3p://; schemes available: " + List.copyOf(new S3CheckpointStoreFactory().schemes()));
    }

    @Test
    void aFileLargerThanOnePartGoesUpByMultipartUploadAndComesBackWhole() throws Exception {
        byte[] content = new byte[12 << 20];
        new Random(3).nextBytes(content);
        Path file = Files.write(dir.resolve("big.state"), content);
        try (S3CheckpointStore store = new S3CheckpointStore(s3.client(), "s3", BUCKET, "multipart/", 5L << 20)) {
            store.upload(file, "chk-1/big.state");
            Path back = dir.resolve("back.state");
            store.download("chk-1/big.state", back);
            assertThat(Files.readAllBytes(back)).isEqualTo(content);
            assertThat(store.list("chk-1/")).containsExactly("chk-1/big.state");
        }
    }
}
