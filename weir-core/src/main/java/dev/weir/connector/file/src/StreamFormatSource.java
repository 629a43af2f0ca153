package dev.weir.connector.file.src;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.connector.file.src.reader.StreamFormat;
import java.nio.file.Path;

/**
 * A file source of any {@link StreamFormat}: of the files listed when it is built (bounded, file k read by subtask
 * {@code k % parallelism}), or, with a discovery interval, of the files that appear under its paths while it runs
 * (unbounded, each file read once by the subtask its path hashes to). See {@link StreamFormatReader} for positions.
 */
final class StreamFormatSource<T> extends FileSource<T> {
    private static final long serialVersionUID = 1L;

    private final StreamFormat<T> format;
    private final String[] roots;
    private final long discoveryIntervalMillis;

    StreamFormatSource(StreamFormat<T> format, long discoveryIntervalMillis, Path... paths) {
        super(discoveryIntervalMillis > 0, paths);
        this.format = format;
        this.discoveryIntervalMillis = discoveryIntervalMillis;
        this.roots = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            roots[i] = paths[i].toAbsolutePath().toString();
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return discoveryIntervalMillis > 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    /** The number of files of a fixed set (at least 1); any parallelism when monitoring. */
    @Override
    public int maxParallelism() {
        return discoveryIntervalMillis > 0 ? -1 : super.maxParallelism();
    }

    @Override
    public SourceReader<T> createReader(SourceReaderContext readerContext) {
        return new StreamFormatReader<>(format, files(), roots, discoveryIntervalMillis, System::currentTimeMillis,
                readerContext.getIndexOfSubtask(), readerContext.getParallelism());
    }
}
