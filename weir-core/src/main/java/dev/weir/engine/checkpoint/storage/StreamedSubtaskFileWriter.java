package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Writes one operator subtask's data file in {@link SubtaskFileWriter}'s layout with its key-group sections produced
 * one at a time, so no more than one section is in memory: the sections go first, after room left for the section
 * table, which is written once their lengths are known; the whole-file checksum is then computed by reading the file
 * back (the table precedes the sections it describes).
 */
final class StreamedSubtaskFileWriter {
    private static final int READ_BUFFER_BYTES = 1 << 20;

    private StreamedSubtaskFileWriter() {
    }

    /**
     * Writes the file, not yet forced to disk ({@link CheckpointWriter#complete()} forces a checkpoint's files together);
     * section {@code i} of {@code 0..keyGroupCount-1} comes from {@code sections}.
     */
    static SubtaskStateMeta write(Path file, int subtask, byte[] operatorState, int firstKeyGroup, int keyGroupCount,
            CheckpointWriter.KeyGroupSections sections) throws Exception {
        ByteBuffer header = SubtaskFileWriter.header(firstKeyGroup, keyGroupCount);
        long headerBytes = header.capacity();
        CRC32C sectionCrc = new CRC32C();
        long offset = headerBytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            channel.position(headerBytes);
            for (int i = 0; i <= keyGroupCount; i++) {
                byte[] section = i == 0 ? operatorState : sections.section(i - 1);
                if (section == null) {
                    section = new byte[0];
                }
                sectionCrc.reset();
                sectionCrc.update(section);
                header.putLong(offset).putInt(section.length).putInt((int) sectionCrc.getValue());
                offset += section.length;
                SubtaskFileWriter.writeFully(channel, ByteBuffer.wrap(section));
            }
            CRC32C fileCrc = new CRC32C();
            fileCrc.update(header.array(), 0, header.position());
            header.putInt((int) fileCrc.getValue());
            fileCrc.update(header.array(), header.position() - 4, 4);
            header.flip();
            channel.position(0);
            SubtaskFileWriter.writeFully(channel, header);
            ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
            for (long at = headerBytes; at < offset; ) {
                buffer.clear();
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw new IOException("the file ended at " + at + " of " + offset + " bytes just written");
                }
                fileCrc.update(buffer.array(), 0, n);
                at += n;
            }
            int checksum = (int) fileCrc.getValue();
            channel.position(offset);
            SubtaskFileWriter.writeFully(channel, ByteBuffer.allocate(4).putInt(0, checksum));
            return new SubtaskStateMeta(subtask, file.getFileName().toString(), offset + FileFormat.TRAILER_BYTES,
                    Integer.toUnsignedLong(checksum), firstKeyGroup, keyGroupCount);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }
}
