package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes checkpoint folders. */
final class Folders {
    private Folders() {
    }

    /**
     * Deletes {@code directory} and everything in it; a folder that is already gone is fine. An aborted checkpoint's
     * folder may still gain a file its I/O thread was copying when the abort came, so a folder found not empty is
     * walked again a few times.
     */
    static void deleteRecursively(Path directory) {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteOnce(directory);
                return;
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof java.nio.file.DirectoryNotEmptyException) || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static void deleteOnce(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Deleted concurrently: the goal is reached.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete checkpoint folder " + directory + ": " + e.getMessage(), e);
        }
    }
}
