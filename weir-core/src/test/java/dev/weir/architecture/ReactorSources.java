package dev.weir.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The main source trees of every module of the reactor, read from disk. The tests run in {@code weir-core}, so the
 * reactor is its parent folder; a module is a folder there with a {@code pom.xml}. Test sources are left out: the
 * rules are about what ships.
 */
final class ReactorSources {
    private ReactorSources() {
    }

    /** The reactor's root folder, found from the working directory Maven gives weir-core's tests. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        Path root = here.getFileName().toString().equals("weir-core") ? here.getParent() : here;
        if (!Files.isRegularFile(root.resolve("weir-core/pom.xml"))) {
            throw new IllegalStateException("The reactor root was not found from " + here + ": run the architecture tests "
                    + "from weir-core (./mvnw test -pl weir-core) or from the root folder");
        }
        return root;
    }

    /** The names of the reactor's modules: the folders of the root that hold a pom.xml. */
    static List<String> modules(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code .java} file under {@code src/main/java} of every module. */
    static List<SourceFile> mainSources(Path root) {
        List<SourceFile> all = new ArrayList<>();
        for (String module : modules(root)) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    all.add(SourceFile.of(module, root.relativize(f).toString().replace('\\', '/'), Files.readString(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }
}
