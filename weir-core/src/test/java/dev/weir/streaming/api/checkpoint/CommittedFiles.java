package dev.weir.streaming.api.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads what an exactly-once {@code FileSink} committed: the lines of its visible part files, sorted. */
public final class CommittedFiles {
    private CommittedFiles() {
    }

    public static List<String> sortedLines(Path directory) throws IOException {
        // A running sink renames its in-progress files while the walk lists them: walk again, from the start.
        for (int walk = 1; ; walk++) {
            try {
                return sortedLinesOfOneWalk(directory);
            } catch (NoSuchFileException | UncheckedIOException e) {
                if (walk == MAX_WALKS || !(e instanceof NoSuchFileException || e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
            }
        }
    }

    private static final int MAX_WALKS = 100;

    private static List<String> sortedLinesOfOneWalk(Path directory) throws IOException {
        List<String> all = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return all;
        }
        // Recursively: by default the sink writes into hourly bucket directories.
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
                all.addAll(Files.readAllLines(p));
            }
        }
        all.sort(null);
        return all;
    }

    /**
     * What {@code actual} lacks and has in excess compared with {@code expected}, as multisets, in a short text;
     * "same" when they are equal. Keeps failure messages readable for outputs of many thousand lines.
     */
    /**
     * Copies a sink's output tree, bucket directories and in-progress parts included: a job restored from a savepoint
     * into the copy resumes its open parts there, as it would in the original.
     */
    public static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static String difference(List<String> expected, List<String> actual) {
        java.util.Map<String, Integer> count = new java.util.TreeMap<>();
        expected.forEach(l -> count.merge(l, 1, Integer::sum));
        actual.forEach(l -> count.merge(l, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        count.forEach((line, c) -> {
            for (int i = 0; i < Math.abs(c); i++) {
                (c > 0 ? missing : extra).add(line);
            }
        });
        if (missing.isEmpty() && extra.isEmpty()) {
            return "same";
        }
        return "expected " + expected.size() + " lines, got " + actual.size() + "; missing " + missing.size() + " "
                + missing.subList(0, Math.min(8, missing.size())) + ", duplicated or extra " + extra.size() + " "
                + extra.subList(0, Math.min(8, extra.size()));
    }
}
