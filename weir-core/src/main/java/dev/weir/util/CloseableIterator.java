package dev.weir.util;

import java.util.Iterator;

/** An iterator over a job's results; closing it before the end cancels the job. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    @Override
    void close() throws Exception;
}
