package dev.weir.engine.checkpoint.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;

/**
 * One checkpoint or savepoint being written: subtasks add their files, then the coordinator completes or
 * aborts it.
 *
 * <p>{@link #writeSubtask} may be called from many threads at once; {@link #complete()} and {@link #abort()}
 * are called once, by the coordinator, after (or instead of) all writes. Until {@code complete()} renames
 * {@code _metadata} into place, readers treat the folder as a checkpoint that never completed.
 */
public final class CheckpointWriter {
    private static final int OPEN = 0;
    private static final int COMPLETED = 1;
    private static final int ABORTED = 2;

    private final Path directory;
    private final long checkpointId;
    private final long timestamp;
    private final boolean savepoint;
    private final String jobName;
    private final ConcurrentHashMap<String, OperatorFiles> operators = new ConcurrentHashMap<>();
    private final AtomicInteger operatorOrdinals = new AtomicInteger();
    private final AtomicInteger state = new AtomicInteger(OPEN);
    /**
     * Copies the completed folder, given with the metadata just written into it, to an object store and returns its
     * location there; null for local storage.
     */
    private final BiFunction<Path, CheckpointMetadata, String> publisher;
    private volatile String location;
    /** Null for a savepoint, which is self-contained: it shares no file with anything. */
    private final SharedStateFiles shared;
    private final ConcurrentLinkedQueue<String> pinned = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> uploaded = new ConcurrentLinkedQueue<>();
    /** The subtask files written so far, not yet forced to disk: {@link #complete()} forces them together. */
    private final ConcurrentLinkedQueue<Path> written = new ConcurrentLinkedQueue<>();

    /** A subtask's data of at most this many bytes goes into {@code _metadata} instead of a file of its own. */
    private final int inlineThreshold;

    CheckpointWriter(Path directory, long checkpointId, boolean savepoint, String jobName, SharedStateFiles shared,
            int inlineThreshold) {
        this(directory, checkpointId, savepoint, jobName, shared, inlineThreshold, null);
    }

    CheckpointWriter(Path directory, long checkpointId, boolean savepoint, String jobName, SharedStateFiles shared,
            int inlineThreshold, BiFunction<Path, CheckpointMetadata, String> publisher) {
        this.inlineThreshold = inlineThreshold;
        this.publisher = publisher;
        this.location = directory.toString();
        this.directory = directory;
        this.shared = savepoint ? null : shared;
        this.checkpointId = checkpointId;
        this.timestamp = System.currentTimeMillis();
        this.savepoint = savepoint;
        this.jobName = jobName;
    }

    /** The folder this checkpoint is written into. */
    public Path directory() {
        return directory;
    }

    /**
     * Where the completed checkpoint is, as a restore takes it: its folder, or its {@code s3://} location when the
     * storage is an object store.
     */
    public String location() {
        return location;
    }

    /** The checkpoint's id. */
    public long checkpointId() {
        return checkpointId;
    }

    /** Whether this is a savepoint (self-contained, in the canonical format) rather than a checkpoint. */
    public boolean isSavepoint() {
        return savepoint;
    }

    /**
     * Whether this checkpoint can share state files with others ({@link #shareStateFile}): any checkpoint, on local disk
     * or an object store (where shared files go up under the job's {@code shared/} prefix); not a savepoint.
     */
    public boolean sharesStateFiles() {
        return shared != null;
    }

    /**
     * Puts one immutable state file (a RocksDB SST file) into the job's {@code shared/} folder: references
     * {@code previous} (the same file uploaded by an earlier checkpoint) when it is still stored whole, else copies
     * {@code localFile} there as {@code storedName}, a name unique in the job. Thread-safe.
     *
     * @throws IllegalStateException for a savepoint, which must not depend on other checkpoints' files
     */
    public StateFile shareStateFile(Path localFile, StateFile previous, String storedName) {
        checkOpen("share a state file");
        if (shared == null) {
            throw new IllegalStateException("savepoint " + checkpointId + " is self-contained: it cannot share state files");
        }
        StateFile file = shared.reuseOrUpload(localFile, previous, storedName);
        pinned.add(file.storedName());
        if (file != previous) {
            uploaded.add(file.storedName());
        }
        return file;
    }

    /** Copies one state file only this checkpoint uses (a MANIFEST) into its folder as {@code storedName}. Thread-safe. */
    public StateFile writeStateFile(Path localFile, String storedName) {
        checkOpen("write a state file");
        return SharedStateFiles.copy(localFile, directory.resolve(storedName), localFile.getFileName().toString(), storedName, false);
    }

    /**
     * {@link #writeSubtask(String, String, int, int, int, byte[], int, byte[][])} for a subtask whose keyed state
     * backend also snapshotted its key groups into {@code stateFiles} (written with {@link #shareStateFile} and
     * {@link #writeStateFile}); restore hands them back to that kind of backend.
     */
    public void writeSubtask(String operatorId, String operatorName, int parallelism, int maxParallelism,
            int subtask, byte[] operatorState, int firstKeyGroup, byte[][] keyGroupStates, List<StateFile> stateFiles) {
        writeSubtask(operatorId, operatorName, parallelism, maxParallelism, subtask, operatorState, firstKeyGroup, keyGroupStates);
        OperatorFiles files = operators.get(operatorId);
        files.subtasks.updateAndGet(subtask, meta -> meta.withStateFiles(stateFiles));
    }

    /**
     * Writes one operator subtask's snapshot (forced to disk with the checkpoint's other files by {@link #complete()}): its operator state and the keyed state of the key
     * groups {@code firstKeyGroup .. firstKeyGroup + keyGroupStates.length - 1}, one {@code byte[]} each.
     * A {@code null} array or element is stored as empty. A snapshot of at most the storage's inline threshold in bytes
     * goes into {@code _metadata} instead of a file of its own, as Flink's memory threshold does: most subtasks of most
     * jobs hold a few bytes, and a file each costs a create, a write and an {@code fsync}. Thread-safe; each (operator,
     * subtask) once.
     */
    public void writeSubtask(String operatorId, String operatorName, int parallelism, int maxParallelism,
            int subtask, byte[] operatorState, int firstKeyGroup, byte[][] keyGroupStates) {
        byte[][] keyGroups = keyGroupStates == null ? new byte[0][] : keyGroupStates;
        OperatorFiles files = claim(operatorId, operatorName, parallelism, maxParallelism, subtask, firstKeyGroup, keyGroups.length);
        String name = "op" + files.ordinal + "-" + subtask + ".state";
        if (SubtaskFileWriter.fileBytes(operatorState, keyGroups) <= inlineThreshold) {
            files.subtasks.set(subtask, SubtaskFileWriter.inline(name, subtask, operatorState, firstKeyGroup, keyGroups));
            return;
        }
        Path file = directory.resolve(name);
        written.add(file);
        files.subtasks.set(subtask, SubtaskFileWriter.write(file, subtask, operatorState, firstKeyGroup, keyGroups));
    }

    /** Produces the serialized key-group sections of a subtask one at a time, {@code index} counting from its first key group. */
    @FunctionalInterface
    public interface KeyGroupSections {
        byte[] section(int index) throws Exception;
    }

    /**
     * {@link #writeSubtask(String, String, int, int, int, byte[], int, byte[][])} with the {@code keyGroupCount} key-group
     * sections produced one at a time by {@code sections} and written as they come, so a subtask's keyed state is
     * never in memory at once (savepoints of RocksDB). The same file format. Thread-safe; each (operator, subtask) once.
     */
    public void writeSubtask(String operatorId, String operatorName, int parallelism, int maxParallelism,
            int subtask, byte[] operatorState, int firstKeyGroup, int keyGroupCount, KeyGroupSections sections) throws Exception {
        OperatorFiles files = claim(operatorId, operatorName, parallelism, maxParallelism, subtask, firstKeyGroup, keyGroupCount);
        Path file = directory.resolve("op" + files.ordinal + "-" + subtask + ".state");
        written.add(file);
        files.subtasks.set(subtask, StreamedSubtaskFileWriter.write(file, subtask, operatorState, firstKeyGroup, keyGroupCount,
                sections));
    }

    /** Checks a subtask's shape and claims its slot in the operator's files (each subtask is written once). */
    private OperatorFiles claim(String operatorId, String operatorName, int parallelism, int maxParallelism, int subtask,
            int firstKeyGroup, int keyGroupCount) {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(operatorName, "operatorName");
        if (subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException("operator '" + operatorId + "': subtask " + subtask
                    + " is outside 0.." + (parallelism - 1));
        }
        if (firstKeyGroup < 0 || firstKeyGroup + keyGroupCount > maxParallelism) {
            throw new IllegalArgumentException("operator '" + operatorId + "' subtask " + subtask + ": key groups "
                    + firstKeyGroup + ".." + (firstKeyGroup + keyGroupCount - 1) + " are outside 0.."
                    + (maxParallelism - 1));
        }
        checkOpen("write a subtask");
        OperatorFiles files = operators.computeIfAbsent(operatorId, id -> new OperatorFiles(id, operatorName,
                parallelism, maxParallelism, operatorOrdinals.getAndIncrement()));
        files.checkSameShape(operatorName, parallelism, maxParallelism);
        if (!files.claim(subtask)) {
            throw new IllegalStateException("operator '" + operatorId + "' subtask " + subtask
                    + " was already written to checkpoint " + checkpointId);
        }
        return files;
    }

    /**
     * Completes the checkpoint: checks every operator has all its subtasks and whole key-group ranges, forces the
     * subtask files to disk together with {@code _metadata}'s content, then renames {@code _metadata} into place. With an object store, the folder is then uploaded with {@code _metadata}
     * last; if that fails, the local folder is deleted too and the checkpoint fails (the job goes on). Returns the
     * checkpoint's local folder; {@link #location()} is what a restore takes. Shared files this checkpoint lists that
     * the store does not hold yet are uploaded before its own folder.
     */
    public Path complete() {
        List<OperatorStateMeta> metas = new ArrayList<>();
        for (OperatorFiles files : operators.values()) {
            metas.add(files.toMeta(checkpointId));
        }
        metas.sort(Comparator.comparing(OperatorStateMeta::operatorId));
        if (!state.compareAndSet(OPEN, COMPLETED)) {
            throw new IllegalStateException("checkpoint " + checkpointId + " was already "
                    + (state.get() == COMPLETED ? "completed" : "aborted"));
        }
        CheckpointMetadata metadata = new CheckpointMetadata(checkpointId, timestamp, savepoint, jobName, metas);
        Path inProgress = MetadataFile.prepare(directory, metadata, List.copyOf(written));
        if (shared != null) {
            // From here _metadata lists the files: retention counts them from there instead of from the pins.
            shared.completeAndUnpin(() -> MetadataFile.publish(directory, inProgress), pinned);
        } else {
            MetadataFile.publish(directory, inProgress);
        }
        if (publisher != null) {
            try {
                location = publisher.apply(directory, metadata);
            } catch (RuntimeException e) {
                // Locally complete but not durable: an in-process restart must not restore what a new machine cannot.
                Folders.deleteRecursively(directory);
                throw e;
            }
        }
        return directory;
    }

    /** Abandons the checkpoint and deletes its folder; harmless after an earlier abort. */
    public void abort() {
        if (state.get() == COMPLETED) {
            throw new IllegalStateException("checkpoint " + checkpointId + " is complete; retention deletes it");
        }
        if (state.getAndSet(ABORTED) == ABORTED) {
            return;
        }
        Folders.deleteRecursively(directory);
        if (shared != null) {
            shared.unpin(pinned);
            for (String name : uploaded) {
                shared.deleteAborted(name);
            }
        }
    }

    private void checkOpen(String action) {
        int now = state.get();
        if (now != OPEN) {
            throw new IllegalStateException("cannot " + action + ": checkpoint " + checkpointId + " was already "
                    + (now == COMPLETED ? "completed" : "aborted"));
        }
    }

    /** The files written so far for one operator. */
    private static final class OperatorFiles {
        final String operatorId;
        final String operatorName;
        final int parallelism;
        final int maxParallelism;
        final int ordinal;
        final AtomicReferenceArray<SubtaskStateMeta> subtasks;
        private final AtomicReferenceArray<Boolean> claimed;

        OperatorFiles(String operatorId, String operatorName, int parallelism, int maxParallelism, int ordinal) {
            this.operatorId = operatorId;
            this.operatorName = operatorName;
            this.parallelism = parallelism;
            this.maxParallelism = maxParallelism;
            this.ordinal = ordinal;
            this.subtasks = new AtomicReferenceArray<>(parallelism);
            this.claimed = new AtomicReferenceArray<>(parallelism);
        }

        void checkSameShape(String name, int parallelism, int maxParallelism) {
            if (!name.equals(operatorName) || parallelism != this.parallelism
                    || maxParallelism != this.maxParallelism) {
                throw new IllegalArgumentException("operator '" + operatorId + "': subtasks disagree: '"
                        + operatorName + "' parallelism " + this.parallelism + "/" + this.maxParallelism + " versus '"
                        + name + "' " + parallelism + "/" + maxParallelism);
            }
        }

        boolean claim(int subtask) {
            return claimed.compareAndSet(subtask, null, Boolean.TRUE);
        }

        OperatorStateMeta toMeta(long checkpointId) {
            List<SubtaskStateMeta> metas = new ArrayList<>(parallelism);
            int withKeyGroups = 0;
            for (int i = 0; i < parallelism; i++) {
                SubtaskStateMeta meta = subtasks.get(i);
                if (meta == null) {
                    throw new IllegalStateException("cannot complete checkpoint " + checkpointId + ": operator '"
                            + operatorId + "' (" + operatorName + ") has no snapshot from subtask " + i + " of "
                            + parallelism);
                }
                withKeyGroups += meta.keyGroupCount() > 0 ? 1 : 0;
                metas.add(meta);
            }
            if (withKeyGroups > 0) {
                checkKeyGroupsTile(checkpointId, metas);
            }
            return new OperatorStateMeta(operatorId, operatorName, parallelism, maxParallelism, metas);
        }

        // A restore at another parallelism reads key groups by number: a gap or overlap would lose or
        // duplicate keyed state silently, so it is refused while the checkpoint can still be aborted.
        private void checkKeyGroupsTile(long checkpointId, List<SubtaskStateMeta> metas) {
            List<SubtaskStateMeta> byRange = new ArrayList<>(metas);
            byRange.sort(Comparator.comparingInt(SubtaskStateMeta::firstKeyGroup));
            int next = 0;
            for (SubtaskStateMeta meta : byRange) {
                if (meta.keyGroupCount() == 0) {
                    continue;
                }
                if (meta.firstKeyGroup() != next) {
                    throw new IllegalStateException("cannot complete checkpoint " + checkpointId + ": operator '"
                            + operatorId + "' key groups do not cover 0.." + (maxParallelism - 1)
                            + " exactly once: subtask " + meta.subtask() + " starts at " + meta.firstKeyGroup()
                            + ", expected " + next);
                }
                next += meta.keyGroupCount();
            }
            if (next != maxParallelism) {
                throw new IllegalStateException("cannot complete checkpoint " + checkpointId + ": operator '"
                        + operatorId + "' key groups end at " + (next - 1) + ", expected " + (maxParallelism - 1));
            }
        }
    }
}
