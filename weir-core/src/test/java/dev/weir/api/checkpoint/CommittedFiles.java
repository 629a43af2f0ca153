package dev.weir.api.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads what an exactly-once {@code FileSink} committed: the lines of its visible part files, sorted. */
public final class CommittedFiles {
    private CommittedFiles() {
    }

    public static List<String> sortedLines(Path directory) throws IOException {
        List<String> all = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return all;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
                all.addAll(Files.readAllLines(p));
            }
        }
        all.sort(null);
        return all;
    }
}
