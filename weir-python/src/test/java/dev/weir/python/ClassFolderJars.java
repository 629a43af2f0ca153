package dev.weir.python;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A classpath whose class folders are replaced by jars of the same files, in the same order: the JVM writes and reads
 * a class-data archive only for classes that come from jars.
 */
final class ClassFolderJars {
    private ClassFolderJars() {
    }

    /** {@code classpath} with each non-empty folder written to a jar in {@code dir}; jars and files stay as they are. */
    static String jarred(String classpath, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.isEmpty() || !Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = dir.resolve(entries.size() + "-" + path.getFileName() + ".jar");
            write(path, jar);
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void write(Path folder, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Path file : files) {
                zip.putNextEntry(new JarEntry(folder.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
