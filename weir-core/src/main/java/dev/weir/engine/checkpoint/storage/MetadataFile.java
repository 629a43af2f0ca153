package dev.weir.engine.checkpoint.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes a checkpoint's {@code _metadata} atomically and reads it back verified.
 *
 * <p>Layout (big-endian): magic, version, payload length, payload, CRC32C of everything before it. The payload lists
 * every operator's subtasks; a subtask's data smaller than the storage's inline threshold is in the payload itself
 * (version 3), the others are files of the folder. The file
 * is written as {@code _metadata.inprogress}, fsynced with the checkpoint's data files, then renamed with
 * {@code ATOMIC_MOVE}: a crash leaves either no {@code _metadata} (the checkpoint never completed) or a whole one
 * whose data files are whole too.
 */
final class MetadataFile {
    private static final int HEADER_BYTES = FileFormat.PREAMBLE_BYTES + 4;

    private MetadataFile() {
    }

    /**
     * Writes {@code metadata} as {@code _metadata.inprogress} and forces it to disk together with {@code dataFiles} (the
     * checkpoint's other files, written but not yet forced), then the folder; returns the in-progress file, which
     * {@link #publish} then renames into place.
     *
     * <p>This order is what makes the rename a completion marker: every file and its name are on disk before
     * {@code _metadata} exists. Forcing them together ({@link DurableFiles}) costs one or two journal commits where
     * forcing each file as it was written cost one per file.
     */
    static Path prepare(Path directory, CheckpointMetadata metadata, List<Path> dataFiles) {
        Path inProgress = writeInProgress(directory, metadata);
        List<Path> files = new ArrayList<>(dataFiles.size() + 1);
        files.add(inProgress);
        files.addAll(dataFiles);
        DurableFiles.forceAll(files);
        forceDirectory(directory);
        return inProgress;
    }

    /** Writes {@code metadata} as {@code _metadata.inprogress}, not forced; returns its path. */
    private static Path writeInProgress(Path directory, CheckpointMetadata metadata) {
        byte[] payload = encode(metadata);
        ByteBuffer file = ByteBuffer.allocate(HEADER_BYTES + payload.length + FileFormat.TRAILER_BYTES);
        file.putInt(FileFormat.METADATA_MAGIC).putInt(FileFormat.VERSION).putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(file.array(), 0, file.position());
        file.putInt((int) crc.getValue());
        file.flip();
        Path inProgress = directory.resolve(FileFormat.METADATA_IN_PROGRESS);
        try (FileChannel channel = FileChannel.open(inProgress, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            SubtaskFileWriter.writeFully(channel, file);
            return inProgress;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + inProgress + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the checkpoint complete: renames {@code inProgress}, from {@link #prepare}, to {@code _metadata} atomically
     * and forces the folder so the rename survives a crash; returns {@code _metadata}'s path.
     */
    static Path publish(Path directory, Path inProgress) {
        Path target = directory.resolve(FileFormat.METADATA_FILE);
        try {
            Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException("the file system of " + directory + " cannot rename atomically; "
                    + "checkpoints need a local or POSIX file system", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        forceDirectory(directory);
        return target;
    }

    /** Reads and verifies {@code file}; throws {@link CheckpointException} naming it and the reason. */
    static CheckpointMetadata read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length < HEADER_BYTES) {
            throw FileFormat.truncated(file, bytes.length, HEADER_BYTES + FileFormat.TRAILER_BYTES);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        FileFormat.checkPreamble(file, buffer, FileFormat.METADATA_MAGIC, "checkpoint metadata");
        int payloadLength = buffer.getInt();
        long expected = (long) HEADER_BYTES + Math.max(0, payloadLength) + FileFormat.TRAILER_BYTES;
        if (payloadLength < 0 || bytes.length < expected) {
            throw FileFormat.truncated(file, bytes.length, expected);
        }
        if (bytes.length > expected) {
            throw FileFormat.corrupt(file, "has " + bytes.length + " bytes, expected " + expected
                    + ": bytes were appended after it was written");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - FileFormat.TRAILER_BYTES);
        long stored = Integer.toUnsignedLong(buffer.getInt(bytes.length - FileFormat.TRAILER_BYTES));
        if (stored != crc.getValue()) {
            throw FileFormat.checksumMismatch(file, stored, crc.getValue());
        }
        try {
            return decode(new DataInputStream(new ByteArrayInputStream(bytes, HEADER_BYTES, payloadLength)), buffer.getInt(4));
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file, "unreadable content despite a valid checksum: " + e,
                    file + ": unreadable content despite a valid checksum: " + e, e);
        }
    }

    private static byte[] encode(CheckpointMetadata metadata) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(metadata.checkpointId());
            out.writeLong(metadata.timestamp());
            out.writeBoolean(metadata.savepoint());
            out.writeUTF(metadata.jobName());
            out.writeInt(metadata.operators().size());
            for (OperatorStateMeta operator : metadata.operators()) {
                out.writeUTF(operator.operatorId());
                out.writeUTF(operator.operatorName());
                out.writeInt(operator.parallelism());
                out.writeInt(operator.maxParallelism());
                out.writeInt(operator.subtasks().size());
                for (SubtaskStateMeta subtask : operator.subtasks()) {
                    out.writeInt(subtask.subtask());
                    out.writeUTF(subtask.fileName());
                    out.writeLong(subtask.length());
                    out.writeLong(subtask.checksum());
                    out.writeInt(subtask.firstKeyGroup());
                    out.writeInt(subtask.keyGroupCount());
                    out.writeInt(subtask.stateFiles().size());
                    for (StateFile f : subtask.stateFiles()) {
                        out.writeUTF(f.localName());
                        out.writeUTF(f.storedName());
                        out.writeBoolean(f.shared());
                        out.writeLong(f.length());
                        out.writeLong(f.checksum());
                    }
                    byte[] inline = subtask.inlineContent();
                    out.writeInt(inline == null ? -1 : inline.length);
                    if (inline != null) {
                        out.write(inline);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static CheckpointMetadata decode(DataInputStream in, int version) throws IOException {
        long checkpointId = in.readLong();
        long timestamp = in.readLong();
        boolean savepoint = in.readBoolean();
        String jobName = in.readUTF();
        int operatorCount = in.readInt();
        List<OperatorStateMeta> operators = new ArrayList<>(operatorCount);
        for (int o = 0; o < operatorCount; o++) {
            String operatorId = in.readUTF();
            String operatorName = in.readUTF();
            int parallelism = in.readInt();
            int maxParallelism = in.readInt();
            int subtaskCount = in.readInt();
            List<SubtaskStateMeta> subtasks = new ArrayList<>(subtaskCount);
            for (int s = 0; s < subtaskCount; s++) {
                SubtaskStateMeta subtask = new SubtaskStateMeta(in.readInt(), in.readUTF(), in.readLong(), in.readLong(),
                        in.readInt(), in.readInt());
                if (version >= 2) {
                    int fileCount = in.readInt();
                    List<StateFile> files = new ArrayList<>(fileCount);
                    for (int f = 0; f < fileCount; f++) {
                        files.add(new StateFile(in.readUTF(), in.readUTF(), in.readBoolean(), in.readLong(), in.readLong()));
                    }
                    subtask = subtask.withStateFiles(files);
                }
                if (version >= 3) {
                    int inlineLength = in.readInt();
                    if (inlineLength >= 0) {
                        byte[] inline = new byte[inlineLength];
                        in.readFully(inline);
                        subtask = subtask.withInlineContent(inline);
                    }
                }
                subtasks.add(subtask);
            }
            operators.add(new OperatorStateMeta(operatorId, operatorName, parallelism, maxParallelism, subtasks));
        }
        return new CheckpointMetadata(checkpointId, timestamp, savepoint, jobName, operators);
    }

    /** Makes a rename durable; some platforms cannot open a directory, where the rename is all we can do. */
    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; its rename is already durable enough.
        }
    }
}
