package dev.weir.connector.file.src;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Lists the files a file source reads, as Flink's default enumeration does: a path that is a file is taken as is; a
 * directory contributes its regular files recursively, sorted by path, skipping every file and directory whose name
 * starts with {@code .} or {@code _} (hidden files, in-progress part files, {@code _SUCCESS} markers).
 */
final class FileLister {
    private FileLister() {
    }

    /** Fails with the path when one does not exist or is neither file nor directory. */
    static void checkPaths(String sourceName, Path... paths) {
        Objects.requireNonNull(paths, "paths");
        if (paths.length == 0) {
            throw new IllegalArgumentException(sourceName + " needs at least one path to read");
        }
        for (Path path : paths) {
            Objects.requireNonNull(path, "a path of " + sourceName + " is null");
            Path absolute = path.toAbsolutePath();
            if (!Files.exists(absolute)) {
                throw new IllegalArgumentException(sourceName + ": path " + absolute + " does not exist; check the path, or create it before building the source");
            }
            if (!Files.isDirectory(absolute) && !Files.isRegularFile(absolute)) {
                throw new IllegalArgumentException(sourceName + ": path " + absolute + " is neither a regular file nor a directory; give a file or a directory of files");
            }
        }
    }

    /** The absolute paths of the files under {@code paths}, each path's files sorted. */
    static List<String> list(String sourceName, Path... paths) {
        List<String> files = new ArrayList<>();
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath();
            if (Files.isDirectory(absolute)) {
                files.addAll(filesUnder(sourceName, absolute));
            } else if (Files.isRegularFile(absolute)) {
                files.add(absolute.toString());
            }
        }
        return files;
    }

    private static List<String> filesUnder(String sourceName, Path directory) {
        try (Stream<Path> all = Files.walk(directory)) {
            return all.filter(Files::isRegularFile)
                    .filter(file -> visible(directory, file))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + " cannot list directory " + directory + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // A file removed while the directory is walked: the next listing sees the directory as it is then.
            throw new UncheckedIOException(sourceName + " cannot list directory " + directory + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Whether no name between the directory and the file starts with '.' or '_'. */
    private static boolean visible(Path directory, Path file) {
        for (Path name : directory.relativize(file)) {
            String text = name.toString();
            if (text.startsWith(".") || text.startsWith("_")) {
                return false;
            }
        }
        return true;
    }
}
