package dev.weir.compat.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a program wrote under its output directory: each file's lines, by the file's path relative to that
 * directory. Part files carry a random UUID in their names (Flink's FileSink does), so UUIDs read as {@code <uuid>}
 * and files whose names then coincide are merged.
 */
final class ProgramOutput {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ProgramOutput() {
    }

    /**
     * The files under {@code dir}, each file's lines in order, or, when {@code ordered} is false, sorted (for
     * outputs whose order Flink does not define).
     */
    static Map<String, List<String>> read(Path dir, boolean ordered) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                String name = UUID.matcher(dir.relativize(file).toString().replace('\\', '/')).replaceAll("<uuid>");
                files.computeIfAbsent(name, k -> new ArrayList<>()).addAll(Files.readAllLines(file));
            }
        }
        if (!ordered) {
            files.values().forEach(lines -> lines.sort(null));
        }
        return files;
    }
}
