package dev.weir.connector.file.src.reader;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.configuration.ConfigOption;
import dev.weir.configuration.ConfigOptions;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.MemorySize;
import dev.weir.connector.file.src.util.CheckpointedPosition;
import dev.weir.core.fs.FSDataInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;

/**
 * Reads the records of a file from a stream of its bytes, as Flink's {@code StreamFormat}; pass one to
 * {@code FileSource.forRecordStreamFormat}. Most formats extend {@link SimpleStreamFormat}. Weir reads every file whole
 * (it splits no file), so {@link #isSplittable()} is only informative and {@code splitEnd} is always the file length.
 */
public interface StreamFormat<T> extends Serializable {
    /** The bytes fetched per read from the file system; accepted for Flink compatibility. */
    ConfigOption<MemorySize> FETCH_IO_SIZE = ConfigOptions.key("source.file.stream.io-fetch-size").memoryType()
            .defaultValue(MemorySize.ofMebiBytes(1));

    /** A reader of a file from its start; {@code stream} is at byte 0. */
    Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd) throws IOException;

    /**
     * A reader resuming at {@code restoredOffset}, a {@link CheckpointedPosition#getOffset()} the format's reader
     * reported; the source then skips the position's records after it.
     */
    Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen, long splitEnd)
            throws IOException;

    boolean isSplittable();

    /** The type of the records; Weir needs no type information and only passes it on. */
    TypeInformation<T> getProducedType();

    /** Reads the records of one file. Called by one thread. */
    interface Reader<T> extends Closeable {
        /** The next record, or null at the end of the file. */
        T read() throws IOException;

        @Override
        void close() throws IOException;

        /**
         * The position of the next record, for a faster restore; null (the default) when the reader cannot tell, and
         * the source then counts the records from the last known position.
         */
        default CheckpointedPosition getCheckpointedPosition() {
            return null;
        }
    }
}
