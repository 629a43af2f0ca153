package dev.weir.compat.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The port suite: every Flink 1.20 program under {@code src/test/port} is compiled at test time twice, as written
 * and after the porting rule ({@code org.apache.flink.} becomes {@code dev.weir.}, nothing else), each {@code main}
 * runs in this JVM (Flink on its local MiniCluster), and the files Weir writes must be exactly the files Flink
 * writes. Each program gets {@code --input <a text file> --output <a directory>}.
 *
 * <p>Lines are compared in order for the programs in {@link #ORDERED}, whose single writer sees records in an order
 * Flink defines; the others are compared as sorted multisets per output file. A program whose first line reads
 * {@code // Blocked on Weir: ...} still has to run on Flink; on Weir it is skipped, naming that blocker, for as long
 * as it does not give Flink's output.
 */
class PortSuiteTest {
    static final Path PROGRAMS = Path.of("src/test/port");
    private static final Path WORK = Path.of("target/port-suite");
    private static final Duration HANG_GUARD = Duration.ofMinutes(4);

    /** Programs whose output Flink writes in a defined order (one writer, one upstream path, no timer ties). */
    private static final Set<String> ORDERED = Set.of("WindowWordCount", "PojoKeysAndWideTuples", "ConfiguredJob", "SavepointRestore", "SchemaSource");

    private final Map<String, Map<String, List<String>>> flinkOutputs = new HashMap<>();

    static List<PortProgram> programs() throws IOException {
        List<PortProgram> programs = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROGRAMS)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")).sorted()::iterator) {
                programs.add(PortProgram.load(file));
            }
        }
        return programs;
    }

    /** The programs to run: all, or while working on some, those named by {@code -Dport.programs=A,B}. */
    private static List<PortProgram> selectedPrograms() throws IOException {
        String only = System.getProperty("port.programs", "");
        Set<String> names = only.isBlank() ? Set.of() : Set.of(only.split(","));
        return programs().stream().filter(p -> names.isEmpty() || names.contains(p.name())).toList();
    }

    @Test
    void theSuiteHoldsAtLeastTwelvePrograms() throws IOException {
        assertThat(programs()).extracting(PortProgram::name).hasSizeGreaterThanOrEqualTo(12);
    }

    @TestFactory
    Stream<DynamicContainer> eachProgramGivesFlinksOutputOnWeirAfterThePortingRuleAlone() throws IOException {
        Path input = writeInput();
        return selectedPrograms().stream().map(program -> DynamicContainer.dynamicContainer(program.name(), Stream.of(
                DynamicTest.dynamicTest("runs on Flink 1.20 and writes output", () -> runOnFlink(program, input)),
                DynamicTest.dynamicTest("gives the same output on Weir after the porting rule", () -> runOnWeir(program, input)))));
    }

    private void runOnFlink(PortProgram program, Path input) throws Exception {
        Path work = clean(WORK.resolve(program.name()).resolve("flink"));
        Path classes = work.resolve("classes");
        String errors = ProgramCompiler.compile(program.fileName(), program.source(), work, classes);
        assertThat(errors).as("%s does not compile against Flink 1.20", program.name()).isEmpty();
        URL classesUrl = classes.toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classesUrl}, getClass().getClassLoader())) {
            FlinkContextEnvironment.install(classesUrl, loader);
            try {
                runMain(program, loader, input, work.resolve("out"));
            } finally {
                FlinkContextEnvironment.uninstall();
            }
        }
        Map<String, List<String>> output = ProgramOutput.read(work.resolve("out"), ORDERED.contains(program.name()));
        assertThat(output).as("the files %s wrote on Flink", program.name()).isNotEmpty();
        assertThat(output.values().stream().mapToInt(List::size).sum()).as("the lines %s wrote on Flink", program.name()).isPositive();
        flinkOutputs.put(program.name(), output);
    }

    /**
     * A program marked blocked still runs: while it fails it is skipped, naming its blocker and today's first error;
     * once it gives Flink's output the test fails until the stale mark is deleted, so the marks stay true.
     */
    private void runOnWeir(PortProgram program, Path input) throws Exception {
        Map<String, List<String>> expected = flinkOutputs.get(program.name());
        assumeTrue(expected != null, () -> program.name() + " did not run on Flink, so there is nothing to compare with");
        if (program.blocker() == null) {
            compareOnWeir(program, input, expected);
            return;
        }
        try {
            compareOnWeir(program, input, expected);
        } catch (Exception | AssertionError e) {
            String now = String.valueOf(e.getMessage()).strip().lines().filter(l -> !l.isBlank()).limit(3)
                    .reduce((x, y) -> x + " | " + y).orElse(e.toString());
            assumeTrue(false, () -> program.name() + " is blocked on Weir: " + program.blocker() + " (now: " + now + ")");
        }
        fail(program.name() + " now gives Flink's output on Weir: delete the first line of its source, \""
                + PortProgram.BLOCKER_PREFIX + " " + program.blocker() + "\"");
    }

    private void compareOnWeir(PortProgram program, Path input, Map<String, List<String>> expected) throws Exception {
        Path work = clean(WORK.resolve(program.name()).resolve("weir"));
        Path classes = work.resolve("classes");
        String errors = ProgramCompiler.compile(program.fileName(), program.ported(), work, classes);
        assertThat(errors).as("%s after the porting rule does not compile against Weir", program.name()).isEmpty();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            runMain(program, loader, input, work.resolve("out"));
        }
        Map<String, List<String>> actual = ProgramOutput.read(work.resolve("out"), ORDERED.contains(program.name()));
        assertThat(actual.keySet()).as("the files %s wrote on Weir", program.name()).isEqualTo(expected.keySet());
        for (Map.Entry<String, List<String>> file : expected.entrySet()) {
            List<String> weirLines = actual.get(file.getKey());
            assertThat(weirLines).as("%s's %s on Weir; only Flink wrote %s; only Weir wrote %s", program.name(), file.getKey(),
                    missing(file.getValue(), weirLines), missing(weirLines, file.getValue())).isEqualTo(file.getValue());
        }
    }

    private static void runMain(PortProgram program, ClassLoader loader, Path input, Path out) {
        String[] args = {"--input", input.toAbsolutePath().toString(), "--output", out.toAbsolutePath().toString()};
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Method main = Class.forName(program.className(), true, loader).getMethod("main", String[].class);
                main.invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }, () -> program.name() + " did not finish within " + HANG_GUARD);
    }

    /** The records of {@code a} left after removing one occurrence per record of {@code b}. */
    private static List<String> missing(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        for (String line : b) {
            rest.remove(line);
        }
        return rest;
    }

    private static Path clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted((x, y) -> y.compareTo(x))::iterator) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** The text file every program gets as {@code --input}: a few fixed paragraphs, so counts are known in advance. */
    private static Path writeInput() throws IOException {
        Path file = Files.createDirectories(WORK.resolve("input")).resolve("text.txt");
        Files.writeString(file, """
                The river runs past the mill and the mill turns the stone
                and the stone grinds the grain that the farmer brings
                to the mill by the river in the cold of the morning
                When the river is low the wheel is slow and the miller waits
                the miller waits and the farmer waits and the grain waits
                but the river does not wait for the miller or the farmer
                """);
        return file;
    }
}
