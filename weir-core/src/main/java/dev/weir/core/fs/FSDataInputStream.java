package dev.weir.core.fs;

import java.io.IOException;
import java.io.InputStream;

/** An input stream over a file that can seek and report its position, as Flink's {@code FSDataInputStream}. */
public abstract class FSDataInputStream extends InputStream {
    /** Moves to byte {@code desired} of the file; the next read returns that byte. */
    public abstract void seek(long desired) throws IOException;

    /** The position in the file of the next byte read. */
    public abstract long getPos() throws IOException;
}
