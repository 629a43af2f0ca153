package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A restore from a checkpoint or savepoint on an object store: downloads it to a local staging folder with the shared
 * state files it lists, so {@link CompletedCheckpoint} reads it as a local one.
 */
final class RemoteRestore {
    private static final System.Logger LOG = new dev.weir.engine.status.OnDemandLogger(RemoteRestore.class.getName());

    private RemoteRestore() {
    }

    /**
     * The completed checkpoint at {@code location} ({@code s3://bucket/path/job/chk-3}, its {@code _metadata}, or the
     * job's checkpoint folder), downloaded with the object store {@code settings}.
     *
     * @throws CheckpointException when there is no completed checkpoint there, or it is corrupt, naming the location
     */
    static CompletedCheckpoint load(String location, Map<String, String> settings) {
        String folder = location.endsWith("/" + FileFormat.METADATA_FILE)
                ? location.substring(0, location.length() - FileFormat.METADATA_FILE.length()) : location;
        folder = folder.endsWith("/") ? folder : folder + "/";
        Path target = Path.of(location);
        try (RemoteCheckpoints store = RemoteCheckpoints.open(folder, settings)) {
            Path local = store.fetch(CheckpointStorage.createDirectories(StagingFolders.own().resolve("restores"))
                    .resolve(Long.toString(System.nanoTime()))).orElseThrow(() -> new CheckpointException(target,
                    "no completed checkpoint", "Cannot restore from " + location + ": it holds no completed checkpoint "
                    + "or savepoint (no " + FileFormat.METADATA_FILE + " object). Give the location of a completed "
                    + "checkpoint or savepoint, or of a job's checkpoint folder.", null));
            String jobFolder = local.getFileName().toString().equals("checkpoint") ? parentLocation(folder) : folder;
            try {
                fetchSharedFiles(local, jobFolder, settings);
                return CompletedCheckpoint.open(local);
            } catch (CheckpointException e) {
                throw new CheckpointException(e.file(), e.reason(), "Cannot restore from " + location + " (downloaded to "
                        + local + "): " + e.getMessage() + ". Choose another savepoint or retained checkpoint.", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint at " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Downloads the shared state files the checkpoint downloaded to {@code local} lists from its job folder at
     * {@code jobFolder} into {@code local}'s sibling {@code shared/}, where {@link CompletedCheckpoint} finds them; then
     * deletes the job folder's orphaned shared objects (a killed run's), which nothing can list any more.
     */
    private static void fetchSharedFiles(Path local, String jobFolder, Map<String, String> settings) throws IOException {
        CheckpointMetadata metadata = MetadataFile.read(local.resolve(FileFormat.METADATA_FILE));
        if (metadata.savepoint() || jobFolder == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        SharedStateFiles.listedBy(metadata, names);
        try (RemoteCheckpoints job = RemoteCheckpoints.open(jobFolder, settings)) {
            job.fetchShared(names, local.getParent().resolve(SharedStateFiles.FOLDER));
            try {
                int deleted = job.sweepOrphans(local.getParent().resolve("metadata"));
                if (deleted > 0) {
                    LOG.log(System.Logger.Level.INFO, "Deleted " + deleted + " shared state objects at " + jobFolder
                            + " that no completed checkpoint lists (left by a run stopped while checkpointing)");
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not delete orphaned shared state objects at " + jobFolder + ": "
                        + e.getMessage() + "; they cost storage only");
            }
        }
    }

    /** {@code s3://b/jobs/job-1/} for {@code s3://b/jobs/job-1/chk-3/}; null when the location has no parent folder. */
    private static String parentLocation(String folder) {
        String trimmed = folder.substring(0, folder.length() - 1);
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 || trimmed.substring(0, slash).endsWith(":/") ? null : trimmed.substring(0, slash + 1);
    }
}
