package dev.weir.engine.checkpoint.storage;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A subtask's data stored inline in {@code _metadata}, read through the channel interface its data file would be read
 * through, so {@link SubtaskFileReader} verifies and reads both with the same code.
 */
final class InlineContentChannel implements SeekableByteChannel {
    private final byte[] content;
    private long position;
    private boolean open = true;

    InlineContentChannel(byte[] content) {
        this.content = content;
    }

    @Override
    public int read(ByteBuffer destination) {
        if (position >= content.length) {
            return -1;
        }
        int n = (int) Math.min(destination.remaining(), content.length - position);
        destination.put(content, (int) position, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
