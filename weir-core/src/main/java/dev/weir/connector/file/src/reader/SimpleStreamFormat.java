package dev.weir.connector.file.src.reader;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.configuration.Configuration;
import dev.weir.core.fs.FSDataInputStream;
import java.io.IOException;

/**
 * A {@link StreamFormat} that reads a file from start to end and is never split, as Flink's {@code SimpleStreamFormat}:
 * implement {@link #createReader(Configuration, FSDataInputStream)} and {@link #getProducedType()}.
 */
public abstract class SimpleStreamFormat<T> implements StreamFormat<T> {
    private static final long serialVersionUID = 1L;

    /** A reader of the file the stream is positioned in. */
    public abstract Reader<T> createReader(Configuration config, FSDataInputStream stream) throws IOException;

    @Override
    public abstract TypeInformation<T> getProducedType();

    @Override
    public final boolean isSplittable() {
        return false;
    }

    @Override
    public final Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd) throws IOException {
        checkWholeFile(fileLen, splitEnd);
        return createReader(config, stream);
    }

    /** Seeks to the offset and creates a reader there. */
    @Override
    public final Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen, long splitEnd)
            throws IOException {
        checkWholeFile(fileLen, splitEnd);
        stream.seek(restoredOffset);
        return createReader(config, stream);
    }

    private static void checkWholeFile(long fileLen, long splitEnd) {
        if (splitEnd != fileLen) {
            throw new IllegalArgumentException("SimpleStreamFormat is not splittable, but found split end (" + splitEnd
                    + ") different from file length (" + fileLen + ")");
        }
    }
}
