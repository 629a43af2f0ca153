package dev.weir.connector.file.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A buffered stream into a part file that knows how many bytes the file holds, written or buffered: the size the
 * rolling policy sees and the length a checkpoint records.
 */
final class PartFileStream extends OutputStream {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final ByteBuffer view = ByteBuffer.wrap(buffer);
    private int buffered;
    private long position;

    /** Writes at the channel's current position, which holds {@code position} bytes before it. */
    PartFileStream(FileChannel channel, long position) {
        this.channel = channel;
        this.position = position;
    }

    /** The bytes in the file once the buffer is written. */
    long position() {
        return position;
    }

    @Override
    public void write(int b) throws IOException {
        if (buffered == buffer.length) {
            drain();
        }
        buffer[buffered++] = (byte) b;
        position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length >= buffer.length) {
            drain();
            ByteBuffer direct = ByteBuffer.wrap(bytes, offset, length);
            while (direct.hasRemaining()) {
                channel.write(direct);
            }
        } else {
            if (length > buffer.length - buffered) {
                drain();
            }
            System.arraycopy(bytes, offset, buffer, buffered, length);
            buffered += length;
        }
        position += length;
    }

    @Override
    public void flush() throws IOException {
        drain();
    }

    private void drain() throws IOException {
        view.limit(buffered).position(0);
        while (view.hasRemaining()) {
            channel.write(view);
        }
        buffered = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            channel.close();
        }
    }
}
