package dev.weir.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.checkpoint.storage.CheckpointWriter;
import dev.weir.engine.checkpoint.storage.CompletedCheckpoint;
import dev.weir.engine.checkpoint.storage.StateFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Incremental checkpoints on S3: the state files a RocksDB backend shares across checkpoints (its SST files) go up
 * once under the job's {@code shared/} prefix and later checkpoints reference them; retention deletes a shared object
 * when no retained checkpoint lists it; a restore downloads the shared files its checkpoint lists; orphans of a run
 * killed while checkpointing are deleted when a job restores from its folder. Against s3proxy in this JVM.
 */
@Timeout(120)
class S3SharedStateFilesTest {
    private static final String BUCKET = "incremental";
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

    /** An SST-like file of 200 KB of seeded random bytes. */
    private Path sst(String name) throws Exception {
        byte[] bytes = new byte[200 * 1024];
        new Random(name.hashCode()).nextBytes(bytes);
        return Files.write(dir.resolve(name + ".sst"), bytes);
    }

    private Path manifest(long id) throws Exception {
        return Files.writeString(dir.resolve("MANIFEST-" + id), "manifest of checkpoint " + id);
    }

    /**
     * Checkpoint {@code id} of one keyed subtask whose database holds {@code ssts}: each is referenced from
     * {@code previous} when an earlier checkpoint stored it, else uploaded; the MANIFEST goes into the checkpoint's own
     * folder. {@code previous} is updated with what this checkpoint stored, as the RocksDB backend does.
     */
    private static void checkpoint(CheckpointStorage storage, long id, Map<String, Path> ssts, Path manifest,
                                    Map<String, StateFile> previous) {
        CheckpointWriter writer = storage.begin(id, false);
        assertThat(writer.sharesStateFiles()).as("a checkpoint on S3 shares state files").isTrue();
        List<StateFile> files = new ArrayList<>();
        ssts.forEach((name, file) -> {
            StateFile stored = writer.shareStateFile(file, previous.get(name), "db-" + id + "-" + name + ".sst");
            previous.put(name, stored);
            files.add(stored);
        });
        files.add(writer.writeStateFile(manifest, "db-MANIFEST"));
        writer.writeSubtask("counts", "Counts", 1, 4, 0, "op".getBytes(StandardCharsets.UTF_8), 0, new byte[4][], files);
        writer.complete();
    }

    private static List<String> added(List<String> before, List<String> after) {
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        return added;
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
    void aCheckpointAfterASmallChangeUploadsOnlyItsNewSstAndRestoresFromS3WithTheSameFiles() throws Exception {
        CheckpointStorage storage = CheckpointStorage.open("s3://" + BUCKET + "/small-change", "job", filesOnly());
        Map<String, Path> ssts = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            ssts.put(name, sst(name));
        }
        Map<String, StateFile> previous = new LinkedHashMap<>();
        checkpoint(storage, 1, ssts, manifest(1), previous);
        storage.retain(2);
        List<String> afterFirst = s3.keys(BUCKET, "small-change/");
        assertThat(afterFirst).containsExactly("small-change/job/chk-1/_metadata", "small-change/job/chk-1/db-MANIFEST",
                "small-change/job/chk-1/op0-0.state", "small-change/job/shared/db-1-a.sst", "small-change/job/shared/db-1-b.sst",
                "small-change/job/shared/db-1-c.sst", "small-change/job/shared/db-1-d.sst", "small-change/job/shared/db-1-e.sst");

        // A compaction replaced e by f.
        ssts.remove("e");
        ssts.put("f", sst("f"));
        checkpoint(storage, 2, ssts, manifest(2), previous);
        storage.retain(2);

        assertThat(added(afterFirst, s3.keys(BUCKET, "small-change/"))).as("objects checkpoint 2 uploaded")
                .containsExactly("small-change/job/chk-2/_metadata", "small-change/job/chk-2/db-MANIFEST",
                        "small-change/job/chk-2/op0-0.state", "small-change/job/shared/db-2-f.sst");
        for (String location : List.of("s3://" + BUCKET + "/small-change/job/chk-2", "s3://" + BUCKET + "/small-change/job")) {
            CompletedCheckpoint restored = CheckpointStorage.open(dir.resolve("restorer").toString(), "restorer", s3.settings())
                    .load(location);
            List<StateFile> files = restored.stateFiles("counts", 0);
            assertThat(files).extracting(StateFile::storedName).as(location)
                    .containsExactly("db-1-a.sst", "db-1-b.sst", "db-1-c.sst", "db-1-d.sst", "db-2-f.sst", "db-MANIFEST");
            List<Path> originals = new ArrayList<>(ssts.values());
            originals.add(manifest(2));
            for (int i = 0; i < files.size(); i++) {
                assertThat(restored.stateFilePath(files.get(i))).as("%s restored from %s", files.get(i).storedName(), location)
                        .hasSameBinaryContentAs(originals.get(i));
            }
        }
    }

    @Test
    void retentionDeletesTheSharedObjectsNoRetainedCheckpointListsAndKeepsTheOthers() throws Exception {
        CheckpointStorage storage = CheckpointStorage.open("s3://" + BUCKET + "/retention", "job", filesOnly());
        Map<String, Path> ssts = new LinkedHashMap<>();
        ssts.put("a", sst("a"));
        ssts.put("b", sst("b"));
        Map<String, StateFile> previous = new LinkedHashMap<>();
        checkpoint(storage, 1, ssts, manifest(1), previous);
        storage.retain(1);
        ssts.remove("b");
        ssts.put("c", sst("c"));
        checkpoint(storage, 2, ssts, manifest(2), previous);
        storage.retain(1);

        assertThat(s3.keys(BUCKET, "retention/")).as("checkpoint 1 and the SST only it listed are gone; a stays, checkpoint 2 lists it")
                .containsExactly("retention/job/chk-2/_metadata", "retention/job/chk-2/db-MANIFEST", "retention/job/chk-2/op0-0.state",
                        "retention/job/shared/db-1-a.sst", "retention/job/shared/db-2-c.sst");
    }

    @Test
    void theNextRetentionDeletesASharedObjectNoCheckpointListsWhoseUploadOutlivedItsCheckpoint() throws Exception {
        CheckpointStorage storage = CheckpointStorage.open("s3://" + BUCKET + "/outlived", "job", filesOnly());
        Map<String, Path> ssts = new LinkedHashMap<>();
        ssts.put("a", sst("a"));
        Map<String, StateFile> previous = new LinkedHashMap<>();
        checkpoint(storage, 1, ssts, manifest(1), previous);
        // What a checkpoint whose publish failed after its SST went up leaves (or a delete that failed at a retention).
        try (S3Client client = s3.client()) {
            client.putObject(b -> b.bucket(BUCKET).key("outlived/job/shared/db-2-b.sst"), RequestBody.fromFile(sst("b")));
        }
        checkpoint(storage, 3, ssts, manifest(3), previous);
        storage.retain(1);

        assertThat(s3.keys(BUCKET, "outlived/")).containsExactly("outlived/job/chk-3/_metadata", "outlived/job/chk-3/db-MANIFEST",
                "outlived/job/chk-3/op0-0.state", "outlived/job/shared/db-1-a.sst");
    }

    @Test
    void restoringFromAKilledRunsFolderOnS3DeletesTheSharedObjectsNoneOfItsCompletedCheckpointsLists() throws Exception {
        CheckpointStorage killed = CheckpointStorage.open("s3://" + BUCKET + "/killed", "job", filesOnly());
        Map<String, Path> ssts = new LinkedHashMap<>();
        ssts.put("a", sst("a"));
        checkpoint(killed, 1, ssts, manifest(1), new LinkedHashMap<>());
        // The run was killed while publishing checkpoint 2: its new SST was up, its folder half, its _metadata not.
        try (S3Client client = s3.client()) {
            client.putObject(b -> b.bucket(BUCKET).key("killed/job/shared/db-2-b.sst"), RequestBody.fromFile(sst("b")));
            client.putObject(b -> b.bucket(BUCKET).key("killed/job/chk-2/db-MANIFEST"), RequestBody.fromFile(manifest(2)));
        }

        CompletedCheckpoint restored = CheckpointStorage.open(dir.resolve("next").toString(), "next", s3.settings())
                .load("s3://" + BUCKET + "/killed/job");

        assertThat(restored.metadata().checkpointId()).isEqualTo(1);
        assertThat(restored.stateFilePath(restored.stateFiles("counts", 0).get(0))).hasSameBinaryContentAs(ssts.get("a"));
        assertThat(s3.keys(BUCKET, "killed/")).as("the orphaned SST is gone; what checkpoint 1 lists stays")
                .containsExactly("killed/job/chk-1/_metadata", "killed/job/chk-1/db-MANIFEST", "killed/job/chk-1/op0-0.state",
                        "killed/job/chk-2/db-MANIFEST", "killed/job/shared/db-1-a.sst");
    }
}
