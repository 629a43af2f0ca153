package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
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
 */
public final class CheckpointStorage {
    private static final System.Logger LOG = System.getLogger(CheckpointStorage.class.getName());
    private static final String CHECKPOINT_PREFIX = "chk-";

    private final String jobName;
    private final Path jobDirectory;
    private final SharedStateFiles shared;

    /** Checkpoints of {@code jobName} under {@code baseDirectory}; nothing is created until {@link #begin}. */
    public CheckpointStorage(Path baseDirectory, String jobName) {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        this.jobDirectory = baseDirectory.resolve(sanitise(jobName));
        this.shared = new SharedStateFiles(jobDirectory);
    }

    private CheckpointStorage(Path jobDirectory) {
        this.jobDirectory = jobDirectory;
        this.jobName = String.valueOf(jobDirectory.getFileName());
        this.shared = new SharedStateFiles(jobDirectory);
    }

    /** Deletes this job's checkpoint folder with every checkpoint in it (savepoints live elsewhere and stay). */
    public void discard() {
        Folders.deleteRecursively(jobDirectory);
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
        return new CheckpointWriter(createDirectories(directory), checkpointId, savepoint, jobName, shared);
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
        return new CheckpointWriter(createDirectories(directory), checkpointId, true, jobName, null);
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
     * older than the oldest one kept. Savepoints are never deleted. Then deletes the shared state files only the
     * deleted checkpoints listed: a file a retained checkpoint lists, or a checkpoint being written references, stays.
     */
    public void retain(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("must retain at least one checkpoint, not " + n);
        }
        int kept = 0;
        Set<String> released = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        for (long id : checkpointIdsNewestFirst()) {
            Path directory = checkpointDirectory(id);
            boolean complete = Files.exists(directory.resolve(FileFormat.METADATA_FILE));
            if (kept < n) {
                kept += complete ? 1 : 0;
                if (complete) {
                    sharedFiles(directory, referenced);
                }
                continue;
            }
            if (!complete || !isSavepoint(directory)) {
                if (complete) {
                    sharedFiles(directory, released);
                }
                Folders.deleteRecursively(directory);
            }
        }
        if (!released.isEmpty()) {
            shared.deleteUnreferenced(released, referenced);
        }
    }

    /** Adds the names of the shared files the completed checkpoint in {@code directory} lists. */
    private static void sharedFiles(Path directory, Set<String> names) {
        CheckpointMetadata metadata;
        try {
            metadata = MetadataFile.read(directory.resolve(FileFormat.METADATA_FILE));
        } catch (CheckpointException e) {
            return;
        }
        for (OperatorStateMeta operator : metadata.operators()) {
            for (SubtaskStateMeta subtask : operator.subtasks()) {
                for (StateFile file : subtask.stateFiles()) {
                    if (file.shared()) {
                        names.add(file.storedName());
                    }
                }
            }
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

    private static Path createDirectories(Path directory) {
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
        return result.isEmpty() || result.chars().allMatch(c -> c == '.') ? "job" : result;
    }
}
