package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A job's checkpoints on a file system: {@code <base>/<job name>/chk-<id>/}, one folder per checkpoint, each
 * complete only once its {@code _metadata} file was renamed into place.
 *
 * <p>Restore policy: a checkpoint that never completed (no {@code _metadata}) is skipped with a note, and the
 * previous one is used. A <em>completed</em> checkpoint found corrupt is refused, never silently replaced
 * by an older one: an exactly-once sink has already committed output past the older checkpoint, so falling
 * back would duplicate that output. Restoring from an older retained checkpoint is the user's explicit
 * choice, through {@link #load(Path)}.
 *
 * <p>A subtask's snapshot of at most {@link #INLINE_THRESHOLD} bytes (20 KB unless set) is stored in {@code _metadata}
 * itself, as Flink stores state handles under its memory threshold, so a job of small states writes one file per
 * checkpoint.
 *
 * <p>On an object store ({@link #open} with an {@code s3://} location), each checkpoint is written to a local staging
 * folder first ({@link StagingFolders}) and then uploaded with {@code _metadata} last, after the shared state files
 * (incremental RocksDB SST files) it lists that are not up yet; it counts as completed only once uploaded. Retention
 * deletes the remote objects one by one ({@code _metadata} first) and the shared objects no retained checkpoint lists,
 * and {@link #load(String)} downloads what it restores, the shared files it lists included.
 *
 * <p>Restoring from another run's checkpoint (a killed process's job folder, local or remote) deletes that folder's
 * shared files that none of its completed checkpoints lists: the orphans of the checkpoint it was writing when killed.
 * So never restore from the folder of a run that is still writing checkpoints into it.
 */
public final class CheckpointStorage {
    private static final System.Logger LOG = new dev.weir.engine.status.OnDemandLogger(CheckpointStorage.class.getName());
    private static final String CHECKPOINT_PREFIX = "chk-";
    /**
     * Flink's {@code execution.checkpointing.data-inline-threshold} (1.x: {@code state.storage.fs.memory-threshold}): a
     * subtask's snapshot of at most this many bytes is stored in {@code _metadata} instead of a file of its own.
     */
    public static final String INLINE_THRESHOLD = "execution.checkpointing.data-inline-threshold";

    private final String jobName;
    private final Path jobDirectory;
    /** The object store the checkpoints are uploaded to, or null when {@link #jobDirectory} is the storage. */
    private final RemoteCheckpoints remote;
    private final Map<String, String> settings;
    private final SharedStateFiles shared;
    private final int inlineThreshold;

    /**
     * Checkpoints of {@code jobName} under {@code baseDirectory}, snapshots of up to 20 KB inline in {@code _metadata};
     * nothing is created until {@link #begin}.
     */
    public CheckpointStorage(Path baseDirectory, String jobName) {
        this(baseDirectory, jobName, InlineThreshold.DEFAULT_BYTES);
    }

    /**
     * Checkpoints of {@code jobName} under {@code baseDirectory}, a subtask's snapshot of at most {@code inlineThreshold}
     * bytes inline in {@code _metadata} (0: every snapshot in a file of its own).
     */
    public CheckpointStorage(Path baseDirectory, String jobName, int inlineThreshold) {
        this(Objects.requireNonNull(jobName, "jobName"), Objects.requireNonNull(baseDirectory, "baseDirectory").resolve(sanitise(jobName)),
                null, Map.of(INLINE_THRESHOLD, Integer.toString(inlineThreshold)));
    }

    private CheckpointStorage(Path jobDirectory) {
        this(String.valueOf(jobDirectory.getFileName()), jobDirectory, null, Map.of());
    }

    /** {@code remote} null: {@code jobDirectory} is the storage; else the local staging folder of the uploads. */
    private CheckpointStorage(String jobName, Path jobDirectory, RemoteCheckpoints remote, Map<String, String> settings) {
        this.jobName = jobName;
        this.jobDirectory = jobDirectory;
        this.remote = remote;
        this.settings = Map.copyOf(settings);
        this.shared = new SharedStateFiles(jobDirectory);
        this.inlineThreshold = InlineThreshold.fromSettings(settings);
    }

    /**
     * Checkpoints of {@code jobName} at {@code location}: a local folder (a path or a {@code file://} URI), or an object
     * store ({@code s3://bucket/path}) opened by the {@link CheckpointObjectStoreFactory} registered for its scheme,
     * with {@code settings} (for S3, Flink's {@code s3.*} options).
     *
     * @throws IllegalArgumentException when no module on the class path serves the location's scheme
     */
    public static CheckpointStorage open(String location, String jobName, Map<String, String> settings) {
        Objects.requireNonNull(location, "location");
        if (!RemoteCheckpoints.isRemote(location)) {
            Objects.requireNonNull(jobName, "jobName");
            return new CheckpointStorage(jobName, RemoteCheckpoints.localPath(location).resolve(sanitise(jobName)), null, settings);
        }
        String base = location.endsWith("/") ? location : location + "/";
        // One staging folder per storage: two storages of one job name in a JVM (tests, a job run twice) never share it.
        return new CheckpointStorage(jobName, StagingFolders.own().resolve(sanitise(jobName) + "-" + UUID.randomUUID()),
                RemoteCheckpoints.open(base + sanitise(jobName), settings), settings);
    }

    /**
     * Deletes this job's checkpoints, local and remote, with every checkpoint in them (savepoints live elsewhere and
     * stay).
     */
    public void discard() {
        Folders.deleteRecursively(jobDirectory);
        if (remote != null) {
            try {
                remote.deleteAll("");
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not delete the checkpoints at " + remote.uri("") + ": "
                        + e.getMessage() + "; delete them by hand");
            }
        }
    }

    /** Where this job's checkpoints are kept, as the user writes it (a folder, or an {@code s3://} location). */
    public String location() {
        return remote == null ? jobDirectory.toString() : remote.uri("");
    }

    /** The folder holding this job's {@code chk-<id>} folders. */
    public Path jobDirectory() {
        return jobDirectory;
    }

    /**
     * Starts checkpoint {@code checkpointId} in {@code chk-<id>}. A leftover folder of the same id that never
     * completed (an earlier run crashed while writing it) is replaced; a completed one is never overwritten.
     */
    public CheckpointWriter begin(long checkpointId, boolean savepoint) {
        Path directory = jobDirectory.resolve(CHECKPOINT_PREFIX + checkpointId);
        if (Files.exists(directory.resolve(FileFormat.METADATA_FILE))) {
            throw new IllegalStateException("checkpoint " + checkpointId + " already exists complete at " + directory
                    + "; checkpoint ids must increase past the restored one");
        }
        Folders.deleteRecursively(directory);
        String key = CHECKPOINT_PREFIX + checkpointId;
        return new CheckpointWriter(createDirectories(directory), checkpointId, savepoint, jobName, shared, inlineThreshold,
                remote == null ? null : (folder, metadata) -> publish(folder, metadata, key));
    }

    /** Uploads the shared files the staged checkpoint's {@code metadata} lists that are not up yet, then the checkpoint. */
    private String publish(Path folder, CheckpointMetadata metadata, String key) {
        Set<String> listed = new HashSet<>();
        SharedStateFiles.listedBy(metadata, listed);
        remote.uploadShared(shared.folder(), listed);
        return remote.publish(folder, key);
    }

    /**
     * Starts a savepoint under {@code target}: a local folder, or an object store location ({@code s3://...}), where
     * it is uploaded into {@code savepoint-<job name>-<id>} once complete.
     */
    public CheckpointWriter beginSavepoint(String target, long checkpointId) {
        if (!RemoteCheckpoints.isRemote(target)) {
            return beginSavepoint(RemoteCheckpoints.localPath(target), checkpointId);
        }
        String name = "savepoint-" + sanitise(jobName) + "-" + checkpointId;
        Path staged = StagingFolders.own().resolve("savepoints").resolve(name + "-" + UUID.randomUUID());
        String base = target.endsWith("/") ? target : target + "/";
        return new CheckpointWriter(createDirectories(staged), checkpointId, true, jobName, null, inlineThreshold, (folder, metadata) -> {
            try (RemoteCheckpoints store = RemoteCheckpoints.open(base, settings)) {
                return store.publish(folder, name);
            }
        });
    }

    /**
     * Starts a savepoint in {@code <targetDirectory>/savepoint-<job name>-<id>}, outside the checkpoint folder
     * so retention never deletes it. Refuses to overwrite an existing savepoint folder.
     */
    public CheckpointWriter beginSavepoint(Path targetDirectory, long checkpointId) {
        Path directory = targetDirectory.resolve("savepoint-" + sanitise(jobName) + "-" + checkpointId);
        if (Files.exists(directory)) {
            throw new IllegalStateException("savepoint folder " + directory + " already exists; choose another "
                    + "target directory or delete it");
        }
        return new CheckpointWriter(createDirectories(directory), checkpointId, true, jobName, null, inlineThreshold);
    }

    /** {@link #latest(Consumer)} that logs the skipped checkpoints as warnings. */
    public Optional<CompletedCheckpoint> latest() {
        return latest(note -> LOG.log(System.Logger.Level.WARNING, note));
    }

    /**
     * The newest completed checkpoint, verified, or empty when there is none. Folders without
     * {@code _metadata} are skipped, each reported to {@code skipped} with the reason.
     *
     * @throws CheckpointException when the newest completed checkpoint is corrupt or of an unknown version:
     *     names the file and the reason, and tells the user how to restore from an older one explicitly
     */
    public Optional<CompletedCheckpoint> latest(Consumer<String> skipped) {
        List<Long> ids = checkpointIdsNewestFirst();
        for (int i = 0; i < ids.size(); i++) {
            Path directory = checkpointDirectory(ids.get(i));
            if (!Files.exists(directory.resolve(FileFormat.METADATA_FILE))) {
                skipped.accept("Skipped checkpoint " + directory + ": it has no " + FileFormat.METADATA_FILE
                        + " file, so it never completed (the job stopped while writing it)");
                continue;
            }
            try {
                return Optional.of(CompletedCheckpoint.open(directory));
            } catch (CheckpointException e) {
                throw refuseLatest(directory, e, ids.subList(i + 1, ids.size()));
            }
        }
        return Optional.empty();
    }

    /**
     * Loads a savepoint or retained checkpoint the user chose, by its folder (or its {@code _metadata} file),
     * verifying every file. Given a job's checkpoint folder (the one holding {@code chk-<id>} folders), it loads the
     * latest completed checkpoint in it.
     *
     * @throws CheckpointException when it is incomplete, corrupt or of an unknown version, naming the file
     */
    public CompletedCheckpoint load(Path checkpointDirectory) {
        CompletedCheckpoint loaded = loadLocal(checkpointDirectory);
        Path jobFolder = loaded.directory().toAbsolutePath().getParent();
        if (!loaded.metadata().savepoint() && isCheckpointFolder(loaded.directory()) && jobFolder != null
                && !jobFolder.equals(jobDirectory.toAbsolutePath())) {
            // A killed run's folder: what its last checkpoints uploaded and never listed is deleted, the rest stays.
            int deleted = SharedStateFiles.sweepFolder(jobFolder);
            if (deleted > 0) {
                LOG.log(System.Logger.Level.INFO, "Deleted " + deleted + " shared state files in " + jobFolder
                        + " that no completed checkpoint lists (left by a run stopped while checkpointing)");
            }
        }
        return loaded;
    }

    private static boolean isCheckpointFolder(Path directory) {
        String name = String.valueOf(directory.getFileName());
        return name.startsWith(CHECKPOINT_PREFIX) && name.length() > CHECKPOINT_PREFIX.length()
                && name.substring(CHECKPOINT_PREFIX.length()).chars().allMatch(Character::isDigit);
    }

    /**
     * {@link #load(Path)} for a location the user wrote: a local folder or {@code file://} URI, or an object store
     * location ({@code s3://bucket/path/job/chk-3}, its {@code _metadata}, or the job's checkpoint folder), which is
     * downloaded to a local folder first, with this storage's settings.
     *
     * @throws CheckpointException when there is no completed checkpoint there, or it is corrupt, naming the location
     */
    public CompletedCheckpoint load(String location) {
        if (!RemoteCheckpoints.isRemote(location)) {
            return load(RemoteCheckpoints.localPath(location));
        }
        return RemoteRestore.load(location, settings);
    }

    private CompletedCheckpoint loadLocal(Path checkpointDirectory) {
        Path directory = checkpointDirectory;
        if (directory.getFileName() != null && directory.getFileName().toString().equals(FileFormat.METADATA_FILE)
                && Files.isRegularFile(directory)) {
            directory = directory.getParent();
        }
        Path metadata = directory.resolve(FileFormat.METADATA_FILE);
        if (!Files.isRegularFile(metadata) && holdsCheckpoints(directory)) {
            // A job's checkpoint folder (e.g. after the process was killed): its latest completed checkpoint, which
            // is refused, not replaced by an older one, when it is corrupt.
            Path jobFolder = directory;
            return new CheckpointStorage(jobFolder).latest().orElseThrow(() -> new CheckpointException(jobFolder,
                    "no completed checkpoint", "Cannot restore from " + jobFolder + ": it holds no completed checkpoint", null));
        }
        if (!Files.isRegularFile(metadata)) {
            String reason = Files.isDirectory(directory)
                    ? "no " + FileFormat.METADATA_FILE + " file: the checkpoint never completed"
                    : "no such folder";
            throw new CheckpointException(directory, reason, "Cannot restore from " + directory + ": " + reason
                    + ". Give the folder of a completed checkpoint or savepoint.", null);
        }
        try {
            return CompletedCheckpoint.open(directory);
        } catch (CheckpointException e) {
            throw new CheckpointException(e.file(), e.reason(), "Cannot restore from " + directory + ": "
                    + e.getMessage() + ". Choose another savepoint or retained checkpoint.", e);
        }
    }

    /**
     * Deletes completed checkpoints beyond the {@code n} newest, and folders that never completed and are
     * older than the oldest one kept. Savepoints are never deleted. Then deletes the shared state files (and, on an
     * object store, their objects) that no remaining completed checkpoint lists and no checkpoint being written
     * references: those only the deleted checkpoints listed, and the orphans of checkpoints that never completed.
     */
    public void retain(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("must retain at least one checkpoint, not " + n);
        }
        int kept = 0;
        for (long id : checkpointIdsNewestFirst()) {
            Path directory = checkpointDirectory(id);
            boolean complete = Files.exists(directory.resolve(FileFormat.METADATA_FILE));
            if (kept < n) {
                kept += complete ? 1 : 0;
                continue;
            }
            if (!complete || !isSavepoint(directory)) {
                if (remote != null && !deleteRemote(id)) {
                    // Kept locally, so the next retention tries the remote objects again.
                    continue;
                }
                Folders.deleteRecursively(directory);
            }
        }
        shared.sweep();
        if (remote != null && Files.isDirectory(shared.folder())) {
            try {
                remote.sweepShared(SharedStateFiles.listedByCompletedCheckpoints(jobDirectory), shared.folder());
            } catch (CheckpointException e) {
                LOG.log(System.Logger.Level.WARNING, "Not deleting unlisted shared state objects at " + remote.uri("") + ": "
                        + e.getMessage());
            }
        }
    }

    private boolean deleteRemote(long id) {
        try {
            remote.deleteFolder(CHECKPOINT_PREFIX + id);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete the retired checkpoint " + remote.uri(CHECKPOINT_PREFIX + id)
                    + ": " + e.getMessage() + "; retrying at the next completed checkpoint");
            return false;
        }
    }

    private static boolean holdsCheckpoints(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (var children = Files.list(directory)) {
            return children.anyMatch(c -> c.getFileName().toString().startsWith(CHECKPOINT_PREFIX) && Files.isDirectory(c));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The folder of checkpoint {@code checkpointId}, whether or not it exists. */
    public Path checkpointDirectory(long checkpointId) {
        return jobDirectory.resolve(CHECKPOINT_PREFIX + checkpointId);
    }

    private CheckpointException refuseLatest(Path directory, CheckpointException cause, List<Long> olderIds) {
        List<String> older = new ArrayList<>();
        for (long id : olderIds) {
            if (Files.exists(checkpointDirectory(id).resolve(FileFormat.METADATA_FILE))) {
                older.add(checkpointDirectory(id).toString());
            }
        }
        String options = older.isEmpty()
                ? "No older completed checkpoint is retained here."
                : "Older retained checkpoints: " + String.join(", ", older) + ".";
        return new CheckpointException(cause.file(), cause.reason(), "Refusing to restore job '" + jobName
                + "': its latest completed checkpoint " + directory + " is corrupt: " + cause.getMessage()
                + ". Weir does not fall back to an older checkpoint by itself, because an exactly-once sink may "
                + "already have committed output past it and a fallback would duplicate that output. To accept "
                + "that, restore explicitly from an older retained checkpoint or a savepoint by its path. "
                + options, cause);
    }

    private boolean isSavepoint(Path directory) {
        try {
            return MetadataFile.read(directory.resolve(FileFormat.METADATA_FILE)).savepoint();
        } catch (CheckpointException e) {
            return false;
        }
    }

    private List<Long> checkpointIdsNewestFirst() {
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(jobDirectory)) {
            return ids;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(jobDirectory, CHECKPOINT_PREFIX + "*")) {
            for (Path folder : folders) {
                String suffix = folder.getFileName().toString().substring(CHECKPOINT_PREFIX.length());
                if (Files.isDirectory(folder) && !suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit)
                        && suffix.length() < 19) {
                    ids.add(Long.parseLong(suffix));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + jobDirectory + ": " + e.getMessage(), e);
        }
        ids.sort((a, b) -> Long.compare(b, a));
        return ids;
    }

    static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create checkpoint folder " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A job name as a folder name: characters other than letters, digits, '.', '_' and '-' become '_'. */
    static String sanitise(String jobName) {
        StringBuilder name = new StringBuilder(jobName.length());
        for (int i = 0; i < jobName.length(); i++) {
            char c = jobName.charAt(i);
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            name.append(safe ? c : '_');
        }
        String result = name.toString();
        // A plain loop, not chars().allMatch: streams would load some 20 classes when every job starts.
        for (int i = 0; i < result.length(); i++) {
            if (result.charAt(i) != '.') {
                return result;
            }
        }
        return "job";
    }
}
