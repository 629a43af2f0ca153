package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads and verifies the data files {@link SubtaskFileWriter} writes, and the same bytes stored inline in
 * {@code _metadata}; every failure names the file (for inline data, {@link #inlineLabel}) and why.
 */
final class SubtaskFileReader {
    private static final int CHUNK = 64 * 1024;

    private SubtaskFileReader() {
    }

    /**
     * The section table of one data file: offsets, lengths and checksums, entry 0 for operator state; {@code inline} is
     * the data itself when it is stored in {@code _metadata}, else null.
     */
    record SectionTable(Path file, byte[] inline, long[] offsets, int[] lengths, int[] checksums) {
    }

    /**
     * The path messages name for a subtask's data in {@code checkpoint}: its file, or for data stored inline
     * {@code _metadata[<file name>]}, since no file of that name exists.
     */
    static Path location(Path checkpoint, SubtaskStateMeta meta) {
        return meta.isInline() ? inlineLabel(checkpoint, meta.fileName()) : checkpoint.resolve(meta.fileName());
    }

    static Path inlineLabel(Path checkpoint, String fileName) {
        return checkpoint.resolve(FileFormat.METADATA_FILE + "[" + fileName + "]");
    }

    /** Verifies the whole file against its preamble, its trailer and what {@code _metadata} recorded. */
    static void verify(Path file, SubtaskStateMeta meta) {
        try (SeekableByteChannel channel = open(file, meta.inlineContent())) {
            long size = channel.size();
            checkPreambleAndLength(file, channel, size, meta);
            CRC32C crc = new CRC32C();
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            long remaining = size - FileFormat.TRAILER_BYTES;
            long position = 0;
            while (remaining > 0) {
                chunk.clear().limit((int) Math.min(CHUNK, remaining));
                readFully(file, channel, chunk, position);
                chunk.flip();
                crc.update(chunk);
                position += chunk.limit();
                remaining -= chunk.limit();
            }
            int stored = readInt(file, channel, size - FileFormat.TRAILER_BYTES);
            long computed = crc.getValue();
            if (Integer.toUnsignedLong(stored) != computed) {
                throw FileFormat.checksumMismatch(file, Integer.toUnsignedLong(stored), computed);
            }
            if (meta.checksum() != computed) {
                throw FileFormat.corrupt(file, String.format("checksum 0x%08X differs from 0x%08X recorded in "
                        + "_metadata: the file was replaced after the checkpoint completed", computed, meta.checksum()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and verifies the section table (not the sections). */
    static SectionTable readTable(Path file, SubtaskStateMeta meta) {
        try (SeekableByteChannel channel = open(file, meta.inlineContent())) {
            long size = channel.size();
            checkPreambleAndLength(file, channel, size, meta);
            int count = meta.keyGroupCount();
            ByteBuffer header = ByteBuffer.allocate((int) SubtaskFileWriter.headerBytes(count));
            readFully(file, channel, header, 0);
            header.flip();
            header.position(FileFormat.PREAMBLE_BYTES);
            int firstKeyGroup = header.getInt();
            int storedCount = header.getInt();
            long[] offsets = new long[count + 1];
            int[] lengths = new int[count + 1];
            int[] checksums = new int[count + 1];
            for (int i = 0; i <= count && storedCount == count; i++) {
                offsets[i] = header.getLong();
                lengths[i] = header.getInt();
                checksums[i] = header.getInt();
            }
            CRC32C crc = new CRC32C();
            crc.update(header.array(), 0, header.limit() - 4);
            int stored = header.getInt(header.limit() - 4);
            if (Integer.toUnsignedLong(stored) != crc.getValue()) {
                throw FileFormat.checksumMismatch(file, Integer.toUnsignedLong(stored), crc.getValue());
            }
            if (firstKeyGroup != meta.firstKeyGroup() || storedCount != count) {
                throw FileFormat.corrupt(file, "holds key groups " + firstKeyGroup + " + " + storedCount
                        + " but _metadata records " + meta.firstKeyGroup() + " + " + count);
            }
            return new SectionTable(file, meta.inlineContent(), offsets, lengths, checksums);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads section {@code index} (0 = operator state, 1 + i = the i-th key group) and verifies its checksum. */
    static byte[] readSection(SectionTable table, int index) {
        Path file = table.file();
        try (SeekableByteChannel channel = open(file, table.inline())) {
            ByteBuffer bytes = ByteBuffer.allocate(table.lengths()[index]);
            readFully(file, channel, bytes, table.offsets()[index]);
            CRC32C crc = new CRC32C();
            crc.update(bytes.array());
            long stored = Integer.toUnsignedLong(table.checksums()[index]);
            if (stored != crc.getValue()) {
                String what = index == 0 ? "operator state section" : "key group section " + (index - 1);
                throw FileFormat.corrupt(file, String.format("checksum mismatch in the %s: stored CRC32C 0x%08X, "
                        + "computed 0x%08X; the file was damaged or modified after it was written",
                        what, stored, crc.getValue()));
            }
            return bytes.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    private static SeekableByteChannel open(Path file, byte[] inline) throws IOException {
        if (inline != null) {
            return new InlineContentChannel(inline);
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw FileFormat.corrupt(file, "missing: _metadata lists it but the file does not exist");
        }
    }

    private static void checkPreambleAndLength(Path file, SeekableByteChannel channel, long size, SubtaskStateMeta meta)
            throws IOException {
        if (size < FileFormat.PREAMBLE_BYTES) {
            throw FileFormat.truncated(file, size, meta.length());
        }
        ByteBuffer preamble = ByteBuffer.allocate(FileFormat.PREAMBLE_BYTES);
        readFully(file, channel, preamble, 0);
        preamble.flip();
        FileFormat.checkPreamble(file, preamble, FileFormat.DATA_MAGIC, "state data");
        if (size < meta.length()) {
            throw FileFormat.truncated(file, size, meta.length());
        }
        if (size > meta.length()) {
            throw FileFormat.corrupt(file, "has " + size + " bytes, but _metadata records " + meta.length()
                    + ": bytes were appended after the checkpoint completed");
        }
    }

    private static int readInt(Path file, SeekableByteChannel channel, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4);
        readFully(file, channel, buffer, position);
        return buffer.getInt(0);
    }

    private static void readFully(Path file, SeekableByteChannel channel, ByteBuffer buffer, long position)
            throws IOException {
        long at = position;
        channel.position(at);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer);
            if (read < 0) {
                throw FileFormat.truncated(file, channel.size(), at + buffer.remaining());
            }
            at += read;
        }
    }
}
