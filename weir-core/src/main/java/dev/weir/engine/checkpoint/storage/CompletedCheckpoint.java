package dev.weir.engine.checkpoint.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A completed checkpoint or savepoint whose files were all verified when it was loaded; reads verify each
 * section's checksum again, so a file damaged after loading is still refused rather than half-restored.
 *
 * <p>Thread-safe: restoring subtasks may read from it concurrently.
 */
public final class CompletedCheckpoint {
    private static final byte[] EMPTY = new byte[0];

    private final Path directory;
    private final CheckpointMetadata metadata;
    private final ConcurrentHashMap<String, SubtaskFileReader.SectionTable> tables = new ConcurrentHashMap<>();

    private CompletedCheckpoint(Path directory, CheckpointMetadata metadata) {
        this.directory = directory;
        this.metadata = metadata;
    }

    /**
     * Reads {@code _metadata} and verifies every data file it lists and every subtask's data stored in it inline
     * (length, magic, version, checksum).
     */
    static CompletedCheckpoint open(Path directory) {
        CheckpointMetadata metadata = MetadataFile.read(directory.resolve(FileFormat.METADATA_FILE));
        for (OperatorStateMeta operator : metadata.operators()) {
            for (SubtaskStateMeta subtask : operator.subtasks()) {
                SubtaskFileReader.verify(SubtaskFileReader.location(directory, subtask), subtask);
                for (StateFile file : subtask.stateFiles()) {
                    SharedStateFiles.verify(stateFilePath(directory, file), file, "a state file of subtask " + subtask.subtask()
                            + " of operator '" + operator.operatorId() + "' (" + operator.operatorName() + ")");
                }
            }
        }
        return new CompletedCheckpoint(directory, metadata);
    }

    /** The checkpoint's folder. */
    public Path directory() {
        return directory;
    }

    /** What the checkpoint holds. */
    public CheckpointMetadata metadata() {
        return metadata;
    }

    /** The ids of the operators with state in this checkpoint. */
    public List<String> operatorIds() {
        List<String> ids = new ArrayList<>(metadata.operators().size());
        for (OperatorStateMeta operator : metadata.operators()) {
            ids.add(operator.operatorId());
        }
        return ids;
    }

    /** The operator-state bytes subtask {@code subtask} of {@code operatorId} wrote (empty if it wrote none). */
    public byte[] readOperatorState(String operatorId, int subtask) {
        OperatorStateMeta operator = operator(operatorId);
        if (subtask < 0 || subtask >= operator.subtasks().size()) {
            throw new IllegalArgumentException("operator '" + operatorId + "' ran at parallelism "
                    + operator.parallelism() + " in checkpoint " + directory + "; it has no subtask " + subtask);
        }
        return SubtaskFileReader.readSection(table(operator.subtasks().get(subtask)), 0);
    }

    /**
     * The keyed-state bytes of {@code keyGroup} for {@code operatorId}, from whichever subtask file holds it;
     * empty when the operator kept no keyed state. Reads only that key group's bytes.
     */
    public byte[] readKeyGroup(String operatorId, int keyGroup) {
        OperatorStateMeta operator = operator(operatorId);
        if (keyGroup < 0 || keyGroup >= operator.maxParallelism()) {
            throw new IllegalArgumentException("key group " + keyGroup + " is outside 0.."
                    + (operator.maxParallelism() - 1) + " of operator '" + operatorId + "' (its maxParallelism is "
                    + operator.maxParallelism() + "; a job restores only at the same maxParallelism)");
        }
        SubtaskStateMeta subtask = operator.subtaskHolding(keyGroup);
        if (subtask == null) {
            return EMPTY.clone();
        }
        return SubtaskFileReader.readSection(table(subtask), 1 + keyGroup - subtask.firstKeyGroup());
    }

    /**
     * The state files subtask {@code subtask} of {@code operatorId}'s keyed state backend snapshotted into (empty when
     * its keyed state is in its key-group sections), verified when the checkpoint was loaded.
     */
    public List<StateFile> stateFiles(String operatorId, int subtask) {
        OperatorStateMeta operator = operator(operatorId);
        return subtask < 0 || subtask >= operator.subtasks().size() ? List.of() : operator.subtasks().get(subtask).stateFiles();
    }

    /** Where {@code file} of this checkpoint is stored. */
    public Path stateFilePath(StateFile file) {
        return stateFilePath(directory, file);
    }

    private static Path stateFilePath(Path directory, StateFile file) {
        Path parent = directory.toAbsolutePath().getParent();
        return file.shared() ? parent.resolve(SharedStateFiles.FOLDER).resolve(file.storedName()) : directory.resolve(file.storedName());
    }

    private SubtaskFileReader.SectionTable table(SubtaskStateMeta subtask) {
        return tables.computeIfAbsent(subtask.fileName(),
                name -> SubtaskFileReader.readTable(SubtaskFileReader.location(directory, subtask), subtask));
    }

    private OperatorStateMeta operator(String operatorId) {
        OperatorStateMeta operator = metadata.operator(operatorId);
        if (operator == null) {
            throw new IllegalArgumentException("checkpoint " + directory + " has no state for operator '" + operatorId
                    + "'; it has state for " + operatorIds());
        }
        return operator;
    }

    @Override
    public String toString() {
        return "CompletedCheckpoint[" + directory + ", id " + metadata.checkpointId()
                + (metadata.savepoint() ? ", savepoint]" : "]");
    }
}
