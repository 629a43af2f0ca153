package dev.weir.connector.file.src;

import dev.weir.connector.file.src.TextLineSource;
import dev.weir.connector.file.src.reader.TextLineInputFormat;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A bounded source that reads a fixed set of files, built as in Flink:
 *
 * <pre>{@code
 * FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), Path.of("/data/in")).build();
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "lines");
 * }</pre>
 *
 * <p>The files are listed when the source is built: a path that is a file is read as is; a directory contributes its
 * regular files sorted by name, not recursively, skipping names that start with {@code .} or {@code _} (hidden and
 * marker files, as Flink's default filter does). A path that does not exist fails the build. File k of the listing is
 * read by subtask {@code k % parallelism}, so {@link #maxParallelism()} is the number of files.
 */
public abstract sealed class FileSource<T> implements Source<T> permits TextLineSource {
    private static final long serialVersionUID = 1L;

    // Strings, not Paths: a Source is Serializable and java.nio.file.Path is not.
    private final String[] files;

    FileSource(Path... paths) {
        this.files = listFiles(getClass().getSimpleName(), paths);
    }

    /** Starts building a source that reads the files' lines; the only record format Weir has so far. */
    public static FileSourceBuilder forRecordStreamFormat(TextLineInputFormat format, Path... paths) {
        return new FileSourceBuilder(Objects.requireNonNull(format, "format"), paths);
    }

    /** The files this source reads, in the order of their indexes. */
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
    public final Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    /** The number of files (at least 1, so that a source of an empty directory still runs and ends at once). */
    @Override
    public final int maxParallelism() {
        return Math.max(1, files.length);
    }

    private static String[] listFiles(String sourceName, Path... paths) {
        Objects.requireNonNull(paths, "paths");
        if (paths.length == 0) {
            throw new IllegalArgumentException(sourceName + " needs at least one path to read");
        }
        List<String> files = new ArrayList<>();
        for (Path path : paths) {
            Objects.requireNonNull(path, "a path of " + sourceName + " is null");
            Path absolute = path.toAbsolutePath();
            if (Files.isDirectory(absolute)) {
                files.addAll(regularFilesIn(sourceName, absolute));
            } else if (Files.isRegularFile(absolute)) {
                files.add(absolute.toString());
            } else if (Files.exists(absolute)) {
                throw new IllegalArgumentException(sourceName + ": path " + absolute + " is neither a regular file nor a directory; give a file or a directory of files");
            } else {
                throw new IllegalArgumentException(sourceName + ": path " + absolute + " does not exist; check the path, or create it before building the source");
            }
        }
        return files.toArray(new String[0]);
    }

    private static List<String> regularFilesIn(String sourceName, Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            String[] names = children.filter(Files::isRegularFile)
                    .map(child -> child.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.startsWith("_"))
                    .sorted()
                    .toArray(String[]::new);
            return Arrays.stream(names).map(name -> directory.resolve(name).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + " cannot list directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Configures a {@link FileSource}, as Flink's {@code FileSource.FileSourceBuilder}. */
    public static final class FileSourceBuilder {
        private final Path[] paths;
        private boolean failOnMalformedText;

        private FileSourceBuilder(TextLineInputFormat format, Path... paths) {
            this.paths = Objects.requireNonNull(paths, "paths").clone();
        }

        /** Not supported yet: always throws, naming what to do instead. */
        public FileSourceBuilder monitorContinuously(Duration discoveryInterval) {
            throw new UnsupportedOperationException("FileSource.monitorContinuously(" + discoveryInterval + ") is not "
                    + "supported yet: Weir's FileSource reads the files that exist when it is built, once, as a bounded "
                    + "source. Drop monitorContinuously to read them once, and run the job again to pick up new files.");
        }

        /** Reads the files that exist when the source is built, once; the default, as in Flink. */
        public FileSourceBuilder processStaticFileSet() {
            return this;
        }

        /**
         * Weir's, not Flink's: fail the job on bytes that are not valid UTF-8, naming the file and the byte offset,
         * instead of replacing them with U+FFFD (the default, as Flink's reader does; Weir counts the replaced
         * characters in the metric {@code numMalformedCharactersReplaced} and warns once per file).
         */
        public FileSourceBuilder failOnMalformedText() {
            this.failOnMalformedText = true;
            return this;
        }

        /** Lists the files now; fails with the path when one does not exist. */
        public FileSource<String> build() {
            return new TextLineSource(failOnMalformedText, paths);
        }
    }
}
