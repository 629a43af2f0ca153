package dev.weir.cli;

import dev.weir.testing.LocalPorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code weir run job.jar} with a jar built here, so that none of its classes is on Weir's class path: its lambdas,
 * anonymous, nested and inner classes are copied per subtask, held in keyed state, checkpointed and restored after a
 * failure, all through the jar's class loader.
 */
@Timeout(120)
class RunJarTest {
    @TempDir
    static Path build;

    static Path jar;

    @BeforeAll
    static void buildTheJar() throws IOException {
        Path sources = build.resolve("src/com/example/jarjob");
        Files.createDirectories(sources);
        try (InputStream in = RunJarTest.class.getResourceAsStream("/jarjob/TotalsJob.java.txt")) {
            Files.write(sources.resolve("TotalsJob.java"), in.readAllBytes());
        }
        Path classes = Files.createDirectories(build.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String weirApi = Path.of(StreamExecutionEnvironment.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", weirApi, sources.resolve("TotalsJob.java").toString());
        assertThat(rc).as("javac of the test job").isZero();
        jar = build.resolve("totals.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.example.jarjob.TotalsJob");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> all = Files.walk(classes)) {
            for (Path c : all.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
    }

    @ParameterizedTest(name = "at parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aJarWithLambdasAnonymousNestedAndInnerClassesRunsAndRestoresItsStateAtEveryParallelism(int parallelism, @TempDir Path dir)
            throws Exception {
        Path output = dir.resolve("totals.txt");
        int code;
        try {
            code = Weir.execute("run", "-p", Integer.toString(parallelism), "--port", Integer.toString(LocalPorts.pick()), jar.toString(),
                    output.toString(), dir.resolve("checkpoints").toString());
        } finally {
            System.clearProperty("weir.parallelism");
        }

        assertThat(code).isZero();
        assertThat(Files.readAllLines(output, StandardCharsets.UTF_8)).containsExactlyElementsOf(expectedTotals());
    }

    /** "key count sum" of the readings 0..2999 not divisible by 3, keyed by value modulo 7, as the job computes them. */
    private static List<String> expectedTotals() {
        TreeMap<String, long[]> totals = new TreeMap<>();
        for (long n = 0; n < 3000; n++) {
            if (n % 3 != 0) {
                long[] t = totals.computeIfAbsent("k" + (n % 7), k -> new long[2]);
                t[0]++;
                t[1] += n;
            }
        }
        List<String> lines = new ArrayList<>();
        totals.forEach((k, t) -> lines.add(k + " " + t[0] + " " + t[1]));
        return lines;
    }

}
