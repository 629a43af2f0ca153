package dev.weir.connector.file.src;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.Source;
import dev.weir.connector.file.src.reader.StreamFormat;
import dev.weir.connector.file.src.reader.TextLineInputFormat;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A source of the records of files, built as in Flink:
 *
 * <pre>{@code
 * FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path("/data/in"))
 *     .monitorContinuously(Duration.ofSeconds(10))   // or processStaticFileSet(), the default
 *     .build();
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "lines");
 * }</pre>
 *
 * <p>As in Flink's default enumeration, a path that is a file is read as is and a directory contributes its files
 * recursively, skipping every file and directory whose name starts with {@code .} or {@code _} (hidden files,
 * in-progress part files, {@code _SUCCESS} markers); files are never split.
 *
 * <ul>
 *   <li>{@link FileSourceBuilder#processStaticFileSet()} (the default): a bounded source of the files that exist when
 *       the source is built, sorted by path; file k is read by subtask {@code k % parallelism}, so
 *       {@link #maxParallelism()} is the number of files.</li>
 *   <li>{@link FileSourceBuilder#monitorContinuously(Duration)}: an unbounded source that lists its paths at start and
 *       again at every interval; each new file is read once, by the subtask its path hashes to. The files read and the
 *       position in the current one are checkpointed, so a restore reads each file exactly once. Like Flink, it reads
 *       a file as it is when discovered: write files elsewhere and move them in, or give them a hidden name until
 *       they are complete.</li>
 * </ul>
 *
 * <p>Every path must exist when the source is built; Weir reads the local file system only, so a path with a scheme
 * other than {@code file:} fails then too.
 */
public abstract sealed class FileSource<T> implements Source<T> permits TextLineSource, StreamFormatSource {
    private static final long serialVersionUID = 1L;

    // Strings, not Paths: a Source is Serializable and java.nio.file.Path is not.
    private final String[] files;

    FileSource(boolean monitoring, Path... paths) {
        FileLister.checkPaths("FileSource", paths);
        this.files = monitoring ? new String[0] : FileLister.list("FileSource", paths).toArray(new String[0]);
    }

    /** Starts building a source that reads the files' records with {@code format}. */
    public static <T> FileSourceBuilder<T> forRecordStreamFormat(StreamFormat<T> format, dev.weir.core.fs.Path... paths) {
        Objects.requireNonNull(paths, "paths");
        Path[] local = new Path[paths.length];
        for (int i = 0; i < paths.length; i++) {
            local[i] = localPath(Objects.requireNonNull(paths[i], "a path of FileSource is null"));
        }
        return new FileSourceBuilder<>(format, local);
    }

    /** Weir's convenience: the same with {@code java.nio.file.Path}s. */
    public static <T> FileSourceBuilder<T> forRecordStreamFormat(StreamFormat<T> format, Path... paths) {
        return new FileSourceBuilder<>(format, paths);
    }

    private static Path localPath(dev.weir.core.fs.Path path) {
        URI uri = path.toUri();
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            throw new IllegalArgumentException("FileSource: the path " + path + " is on the '" + uri.getScheme() + "' file system; "
                    + "Weir's FileSource reads the local file system only: give a local path such as /data/in or file:///data/in");
        }
        return Path.of(uri.getPath());
    }

    /** The files of a fixed file set, in the order of their indexes; empty for a monitoring source. */
    public final List<Path> getFiles() {
        List<Path> result = new ArrayList<>(files.length);
        for (String file : files) {
            result.add(Path.of(file));
        }
        return result;
    }

    final String[] files() {
        return files;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    /** The number of files (at least 1, so that a source of an empty directory still runs and ends at once). */
    @Override
    public int maxParallelism() {
        return Math.max(1, files.length);
    }

    /** Configures a {@link FileSource}, as Flink's {@code FileSource.FileSourceBuilder}. */
    public static final class FileSourceBuilder<T> {
        private final StreamFormat<T> format;
        private final Path[] paths;
        private Duration discoveryInterval;
        private boolean failOnMalformedText;

        private FileSourceBuilder(StreamFormat<T> format, Path... paths) {
            this.format = Objects.requireNonNull(format, "format");
            this.paths = Objects.requireNonNull(paths, "paths").clone();
        }

        /**
         * Makes the source unbounded: it lists its paths at start and every {@code discoveryInterval}, and reads each
         * new file once.
         */
        public FileSourceBuilder<T> monitorContinuously(Duration discoveryInterval) {
            Objects.requireNonNull(discoveryInterval, "discoveryInterval");
            if (discoveryInterval.toMillis() < 1) {
                throw new IllegalArgumentException("FileSource.monitorContinuously(" + discoveryInterval + "): the discovery "
                        + "interval must be at least 1 ms");
            }
            this.discoveryInterval = discoveryInterval;
            return this;
        }

        /** Reads the files that exist when the source is built, once, as a bounded source; the default, as in Flink. */
        public FileSourceBuilder<T> processStaticFileSet() {
            this.discoveryInterval = null;
            return this;
        }

        /**
         * Weir's, not Flink's: fail the job on bytes that are not valid UTF-8, naming the file and the byte offset,
         * instead of replacing them with U+FFFD (the default, as Flink's reader does; Weir counts the replaced
         * characters in the metric {@code numMalformedCharactersReplaced} and warns once per file). Applies to
         * {@link TextLineInputFormat} in UTF-8 over a fixed file set.
         */
        public FileSourceBuilder<T> failOnMalformedText() {
            this.failOnMalformedText = true;
            return this;
        }

        /** Checks the paths (and, for a fixed file set, lists the files) now; fails with the path when one does not exist. */
        @SuppressWarnings("unchecked")
        public FileSource<T> build() {
            if (discoveryInterval != null) {
                return new StreamFormatSource<>(format, discoveryInterval.toMillis(), paths);
            }
            if (format instanceof TextLineInputFormat text && Charset.forName(text.getCharsetName()).equals(StandardCharsets.UTF_8)) {
                return (FileSource<T>) new TextLineSource(failOnMalformedText, paths);
            }
            return new StreamFormatSource<>(format, 0, paths);
        }
    }
}
