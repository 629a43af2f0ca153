package dev.weir.engine.checkpoint.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes one operator subtask's data file, or the same bytes for {@code _metadata} when they are stored inline: a section table, then the operator-state section, then one
 * section per key group.
 *
 * <p>Layout (big-endian): magic, version, firstKeyGroup, keyGroupCount; then {@code keyGroupCount + 1}
 * table entries {@code (long offset, int length, int crc32c)}, entry 0 for operator state; then the CRC32C
 * of everything so far; then the sections; then the CRC32C of the whole file before it. The table lets a
 * reader fetch a single key group (restoring at another parallelism) and verify just those bytes.
 */
final class SubtaskFileWriter {
    static final int FIXED_HEADER_BYTES = FileFormat.PREAMBLE_BYTES + 8;
    static final int TABLE_ENTRY_BYTES = 16;

    private SubtaskFileWriter() {
    }

    /** Bytes from the file's start to the first section, for a file holding {@code keyGroupCount} groups. */
    static long headerBytes(int keyGroupCount) {
        return FIXED_HEADER_BYTES + (long) TABLE_ENTRY_BYTES * (keyGroupCount + 1) + 4;
    }

    /** A buffer for the header of a file of {@code count} key groups, with its fixed part written; the table goes next. */
    static ByteBuffer header(int firstKeyGroup, int count) {
        long headerBytes = headerBytes(count);
        if (headerBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many key groups in one file: " + count);
        }
        ByteBuffer header = ByteBuffer.allocate((int) headerBytes);
        header.putInt(FileFormat.DATA_MAGIC).putInt(FileFormat.VERSION).putInt(firstKeyGroup).putInt(count);
        return header;
    }

    /** The exact length of the file holding {@code operatorState} and {@code keyGroupStates}, null sections empty. */
    static long fileBytes(byte[] operatorState, byte[][] keyGroupStates) {
        long bytes = headerBytes(keyGroupStates.length) + FileFormat.TRAILER_BYTES;
        for (int i = 0; i <= keyGroupStates.length; i++) {
            bytes += section(operatorState, keyGroupStates, i).length;
        }
        return bytes;
    }

    /**
     * Writes the file, not yet forced to disk ({@link CheckpointWriter#complete()} forces a checkpoint's files together);
     * {@code null} sections are written as empty.
     */
    static SubtaskStateMeta write(Path file, int subtask, byte[] operatorState, int firstKeyGroup,
            byte[][] keyGroupStates) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            return encode(channel, file.getFileName().toString(), subtask, operatorState, firstKeyGroup, keyGroupStates);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The same bytes as {@link #write}, kept in memory for {@code _metadata} instead of a file named {@code fileName}
     * (a state smaller than the storage's inline threshold).
     */
    static SubtaskStateMeta inline(String fileName, int subtask, byte[] operatorState, int firstKeyGroup,
            byte[][] keyGroupStates) {
        long length = fileBytes(operatorState, keyGroupStates);
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a state of " + length + " bytes cannot be stored inline: " + fileName);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream((int) length);
        try (WritableByteChannel channel = Channels.newChannel(content)) {
            return encode(channel, fileName, subtask, operatorState, firstKeyGroup, keyGroupStates)
                    .withInlineContent(content.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the inline state " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static SubtaskStateMeta encode(WritableByteChannel channel, String fileName, int subtask, byte[] operatorState,
            int firstKeyGroup, byte[][] keyGroupStates) throws IOException {
        int count = keyGroupStates.length;
        ByteBuffer header = header(firstKeyGroup, count);
        long headerBytes = header.capacity();
        CRC32C sectionCrc = new CRC32C();
        long offset = headerBytes;
        for (int i = 0; i <= count; i++) {
            byte[] section = section(operatorState, keyGroupStates, i);
            sectionCrc.reset();
            sectionCrc.update(section);
            header.putLong(offset).putInt(section.length).putInt((int) sectionCrc.getValue());
            offset += section.length;
        }
        CRC32C fileCrc = new CRC32C();
        fileCrc.update(header.array(), 0, header.position());
        header.putInt((int) fileCrc.getValue());
        fileCrc.update(header.array(), header.position() - 4, 4);
        header.flip();
        writeFully(channel, header);
        for (int i = 0; i <= count; i++) {
            byte[] section = section(operatorState, keyGroupStates, i);
            fileCrc.update(section);
            writeFully(channel, ByteBuffer.wrap(section));
        }
        int checksum = (int) fileCrc.getValue();
        writeFully(channel, ByteBuffer.allocate(4).putInt(0, checksum));
        return new SubtaskStateMeta(subtask, fileName, offset + FileFormat.TRAILER_BYTES,
                Integer.toUnsignedLong(checksum), firstKeyGroup, count);
    }

    private static byte[] section(byte[] operatorState, byte[][] keyGroupStates, int index) {
        byte[] bytes = index == 0 ? operatorState : keyGroupStates[index - 1];
        return bytes == null ? new byte[0] : bytes;
    }

    static void writeFully(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
