package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * A job's {@code shared/} folder: the state files (RocksDB SST files) one checkpoint uploads and later checkpoints
 * reference instead of uploading again. A shared file is counted by the retained checkpoints whose {@code _metadata}
 * lists it and by the checkpoints being written that reference it (pins); retention deletes it when both counts are
 * zero. Thread-safe: writers on I/O threads pin and upload while the coordinator's retention deletes, under one lock,
 * so a file is never deleted between a writer deciding to reference it and its checkpoint completing.
 *
 * <p>A file no completed checkpoint lists and no writer pins is an orphan (its checkpoint was aborted, failed to
 * upload, or its process was killed while writing it): {@link #sweep} deletes it at the next retention, and
 * {@link #sweepFolder} deletes a killed run's orphans when a job restores from that run's folder.
 */
final class SharedStateFiles {
    static final String FOLDER = "shared";
    private static final System.Logger LOG = new dev.weir.engine.status.OnDemandLogger(SharedStateFiles.class.getName());
    private static final int COPY_BUFFER = 1 << 20;

    private final Path folder;
    private final Map<String, Integer> pins = new HashMap<>();

    SharedStateFiles(Path jobDirectory) {
        this.folder = jobDirectory.resolve(FOLDER);
    }

    Path folder() {
        return folder;
    }

    /**
     * References {@code previous} when it is still stored whole, else uploads {@code localFile} as {@code storedName};
     * pins the result until {@link #unpin}. {@code previous} may be null (a file no earlier checkpoint uploaded).
     */
    StateFile reuseOrUpload(Path localFile, StateFile previous, String storedName) {
        synchronized (this) {
            if (previous != null && previous.shared() && sizeOf(folder.resolve(previous.storedName())) == previous.length()) {
                pins.merge(previous.storedName(), 1, Integer::sum);
                return previous;
            }
            pins.merge(storedName, 1, Integer::sum);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the shared state folder " + folder + ": " + e.getMessage(), e);
        }
        return copy(localFile, folder.resolve(storedName), localFile.getFileName().toString(), storedName, true);
    }

    /**
     * Writes a checkpoint's {@code _metadata} and releases its pins as one step: a {@link #sweep} sees the checkpoint's
     * files either pinned or listed, never neither.
     */
    synchronized void completeAndUnpin(Runnable writeMetadata, Collection<String> storedNames) {
        writeMetadata.run();
        unpin(storedNames);
    }

    /**
     * Deletes every file in the folder that no completed checkpoint of the job folder lists and no writer pins: what
     * retention released and the orphans of checkpoints that never completed. Returns the names deleted.
     */
    synchronized Set<String> sweep() {
        if (!Files.isDirectory(folder)) {
            return Set.of(); // no backend of this job shares files (heap state, or full RocksDB checkpoints)
        }
        Set<String> listed;
        try {
            listed = listedByCompletedCheckpoints(folder.getParent());
        } catch (CheckpointException e) {
            LOG.log(System.Logger.Level.WARNING, "Not deleting unlisted shared state files in " + folder + ": "
                    + e.getMessage() + "; they are kept until every completed checkpoint's _metadata is readable");
            return Set.of();
        }
        Set<String> deleted = new TreeSet<>();
        for (String name : fileNames(folder)) {
            if (!listed.contains(name) && !pins.containsKey(name)) {
                delete(folder.resolve(name));
                deleted.add(name);
            }
        }
        return deleted;
    }

    /**
     * Deletes the shared files of {@code jobFolder} that none of its completed checkpoints lists: the orphans a run
     * killed while checkpointing left. Only for the folder of a run that no longer writes it. Returns how many.
     */
    static int sweepFolder(Path jobFolder) {
        Path shared = jobFolder.resolve(FOLDER);
        if (!Files.isDirectory(shared)) {
            return 0;
        }
        Set<String> listed;
        try {
            listed = listedByCompletedCheckpoints(jobFolder);
        } catch (CheckpointException e) {
            LOG.log(System.Logger.Level.WARNING, "Not deleting orphaned shared state files in " + shared + ": "
                    + e.getMessage());
            return 0;
        }
        int deleted = 0;
        for (String name : fileNames(shared)) {
            if (!listed.contains(name)) {
                delete(shared.resolve(name));
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * The shared files the completed checkpoints ({@code chk-<id>} folders with {@code _metadata}) of {@code jobFolder}
     * list.
     *
     * @throws CheckpointException when a {@code _metadata} cannot be read: what it lists is then unknown
     */
    static Set<String> listedByCompletedCheckpoints(Path jobFolder) {
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(jobFolder)) {
            return names;
        }
        try (DirectoryStream<Path> checkpoints = Files.newDirectoryStream(jobFolder, "chk-*")) {
            for (Path checkpoint : checkpoints) {
                Path metadata = checkpoint.resolve(FileFormat.METADATA_FILE);
                if (Files.isRegularFile(metadata)) {
                    listedBy(MetadataFile.read(metadata), names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints in " + jobFolder + ": " + e.getMessage(), e);
        }
        return names;
    }

    /** Adds the names of the shared files {@code metadata} lists to {@code names}. */
    static void listedBy(CheckpointMetadata metadata, Set<String> names) {
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

    private static List<String> fileNames(Path folder) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                names.add(file.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the shared state folder " + folder + ": " + e.getMessage(), e);
        }
        return names;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete shared state file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Releases pins taken by {@link #reuseOrUpload}. */
    synchronized void unpin(Collection<String> storedNames) {
        for (String name : storedNames) {
            pins.computeIfPresent(name, (n, count) -> count == 1 ? null : count - 1);
        }
    }

    /** Deletes a file this writer uploaded for a checkpoint that was aborted, unless another writer pins it. */
    synchronized void deleteAborted(String storedName) {
        if (!pins.containsKey(storedName)) {
            try {
                Files.deleteIfExists(folder.resolve(storedName));
            } catch (IOException e) {
                // Left behind: costs disk only, and no checkpoint lists it.
            }
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Copies {@code source} to {@code target} (which must not exist), fsyncs it, and describes it with its CRC32C. */
    static StateFile copy(Path source, Path target, String localName, String storedName, boolean shared) {
        CRC32C crc = new CRC32C();
        long length = 0;
        byte[] buffer = new byte[COPY_BUFFER];
        try (InputStream in = Files.newInputStream(source);
             var channel = java.nio.channels.FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
                length += n;
            }
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy state file " + source + " to " + target + ": " + e.getMessage(), e);
        }
        return new StateFile(localName, storedName, shared, length, crc.getValue());
    }

    /** Verifies a stored state file against what {@code _metadata} recorded; {@code owner} says whose file it is. */
    static void verify(Path file, StateFile expected, String owner) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw FileFormat.corrupt(file, "missing: _metadata lists it as " + owner + " (" + expected.localName()
                    + ") but the file does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + file + ": " + e.getMessage(), e);
        }
        if (size != expected.length()) {
            throw FileFormat.corrupt(file, "has " + size + " bytes, but _metadata records " + expected.length() + " for "
                    + owner + " (" + expected.localName() + ")");
        }
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[COPY_BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + file + ": " + e.getMessage(), e);
        }
        if (crc.getValue() != expected.checksum()) {
            throw FileFormat.corrupt(file, String.format("checksum 0x%08X differs from 0x%08X recorded in _metadata for %s (%s): "
                    + "the file was damaged or replaced after the checkpoint completed", crc.getValue(), expected.checksum(),
                    owner, expected.localName()));
        }
    }
}
