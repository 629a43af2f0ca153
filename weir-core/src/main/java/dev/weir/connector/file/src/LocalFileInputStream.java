package dev.weir.connector.file.src;

import dev.weir.core.fs.FSDataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A buffered, seekable stream over a local file: what a {@code StreamFormat} reads. */
final class LocalFileInputStream extends FSDataInputStream {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).limit(0);
    // The file position of the buffer's first byte.
    private long bufferStart;

    LocalFileInputStream(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    long size() throws IOException {
        return channel.size();
    }

    @Override
    public int read() throws IOException {
        if (!buffer.hasRemaining() && !fill()) {
            return -1;
        }
        return buffer.get() & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!buffer.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, buffer.remaining());
        buffer.get(bytes, offset, n);
        return n;
    }

    private boolean fill() throws IOException {
        bufferStart += buffer.limit();
        buffer.clear();
        int read = channel.read(buffer);
        buffer.flip();
        return read > 0;
    }

    @Override
    public void seek(long desired) throws IOException {
        channel.position(desired);
        bufferStart = desired;
        buffer.clear().limit(0);
    }

    @Override
    public long getPos() {
        return bufferStart + buffer.position();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
