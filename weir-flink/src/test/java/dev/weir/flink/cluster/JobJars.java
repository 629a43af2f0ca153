package dev.weir.flink.cluster;

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
 * The jars a job run from this test ships to a Flink cluster: Weir's modules (weir-core, weir-kafka, weir-flink, the
 * examples) and the test's own classes. A reactor build puts them on the class path as folders, so each folder is
 * packed into a jar first; Weir artifacts already packaged are shipped as they are.
 */
public final class JobJars {
    private JobJars() {
    }

    public static List<String> pack(Path into) throws IOException {
        Files.createDirectories(into);
        List<String> jars = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!FlinkProcessCluster.isWeir(entry)) {
                continue;
            }
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = into.resolve("classes-" + n++ + ".jar");
                packFolder(path, jar);
                jars.add(jar.toString());
            } else if (Files.isRegularFile(path)) {
                jars.add(entry);
            }
        }
        return jars;
    }

    private static void packFolder(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
