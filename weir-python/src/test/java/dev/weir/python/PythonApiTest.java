package dev.weir.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.python.build.WheelWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Python API's own tests ({@code src/test/python/test_*.py}, one JUnit test per module) with the machine's
 * python3 against this build's classes, and installs the wheel offline with pip. Skipped, saying so, without python3.
 *
 * <p>Every {@code execute()} starts a JVM (about seventy in these tests), and loading Weir's classes was most of each
 * job's time. The JVMs these tests start therefore get {@link #TEST_JVM_OPTIONS} through {@code JAVA_TOOL_OPTIONS}: a
 * class-data archive of the classes a small job loads, written once before the tests, and the client compiler only.
 * Neither changes what a job does; the JVM ignores an archive it cannot use, and its CDS messages are off so that no
 * test's output sees them. The JVM archives classes from jars only, so the class folders of this build's classpath
 * reach those JVMs as jars of the same files ({@link #JOB_CLASSPATH}).
 */
class PythonApiTest {
    private static final Path PYTHON_SOURCES = Path.of("src/main/python").toAbsolutePath();
    private static final Path PYTHON_TESTS = Path.of("src/test/python").toAbsolutePath();
    private static final Path CLASS_ARCHIVE = Path.of("target/python-tests-jvm.jsa").toAbsolutePath();
    private static final int MODULES_AT_ONCE = 2;
    private static final String QUIET_CDS = "-Xlog:cds=off,cds+dynamic=off";
    private static final String TEST_JVM_OPTIONS =
            "-XX:SharedArchiveFile=" + CLASS_ARCHIVE + " -XX:TieredStopAtLevel=1 " + QUIET_CDS;
    /** Runs the Python test modules, {@value #MODULES_AT_ONCE} at a time. */
    private static final ExecutorService MODULE_RUNNER = Executors.newFixedThreadPool(MODULES_AT_ONCE);
    /** This JVM's classpath with every class folder packed into a jar, for the jobs' JVMs (WEIR_CLASSPATH). */
    private static String JOB_CLASSPATH = System.getProperty("java.class.path");

    /** Writes {@link #CLASS_ARCHIVE} from the classes a keyed job loads; without it the tests only run slower. */
    @BeforeAll
    static void archiveTheClassesAJobLoads(@TempDir Path dir) throws Exception {
        assumePython();
        JOB_CLASSPATH = ClassFolderJars.jarred(System.getProperty("java.class.path"), dir.resolve("classpath"));
        Files.deleteIfExists(CLASS_ARCHIVE);
        Path job = dir.resolve("warm_up.py");
        Files.writeString(job, String.join("\n",
                "from weir.datastream import StreamExecutionEnvironment",
                "env = StreamExecutionEnvironment.get_execution_environment()",
                "words = env.from_collection(['a', 'b', 'a']).map(lambda w: (w, 1)).key_by(lambda p: p[0])",
                "print(sorted(words.reduce(lambda a, b: (a[0], a[1] + b[1])).execute_and_collect()))",
                ""));
        Result warmUp = python(PYTHON_SOURCES, dir, "-XX:ArchiveClassesAtExit=" + CLASS_ARCHIVE + " " + QUIET_CDS,
                job.toString());
        if (warmUp.exitCode() != 0 || !Files.exists(CLASS_ARCHIVE)) {
            System.out.println("PythonApiTest: no class-data archive (the tests run without it):\n" + warmUp.output());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPythonTestModulePasses() throws IOException {
        assumePython();
        List<Path> modules;
        try (Stream<Path> files = Files.list(PYTHON_TESTS)) {
            modules = files.filter(p -> p.getFileName().toString().matches("test_.*\\.py")).sorted().toList();
        }
        assertThat(modules).isNotEmpty();
        // Each module's run waits on its JVMs' start and on its Python worker processes as much as it computes: two
        // at a time keep both cores busy. Each module runs in its own python3 process and writes only to its own temp folders.
        Map<Path, Future<Result>> runs = new LinkedHashMap<>();
        for (Path module : modules) {
            String name = module.getFileName().toString().replace(".py", "");
            runs.put(module, MODULE_RUNNER.submit(() -> python(PYTHON_SOURCES, PYTHON_TESTS, TEST_JVM_OPTIONS, "-m", "unittest", "-v", name)));
        }
        return modules.stream().map(module -> DynamicTest.dynamicTest(module.getFileName().toString(), () -> {
            String name = module.getFileName().toString().replace(".py", "");
            Result result = runs.get(module).get();
            assertThat(result.exitCode()).as("python3 -m unittest %s:%n%s", name, result.output()).isZero();
        }));
    }

    @AfterAll
    static void stopTheModuleRunner() {
        MODULE_RUNNER.shutdownNow();
    }

    @Test
    void theWheelInstallsOfflineWithPipAndRunsAJobWithoutTheSourceTree(@TempDir Path dir) throws Exception {
        assumePython();
        WheelWriter.main(new String[] {PYTHON_SOURCES.toString(), dir.toString(), "0.1.0.dev0"});
        Path wheel = dir.resolve("weir-0.1.0.dev0-py3-none-any.whl");
        assertThat(wheel).exists();
        Path site = dir.resolve("site");
        Result install = python(null, dir, null, "-m", "pip", "install", "--no-index", "--no-deps", "--disable-pip-version-check",
                "--target", site.toString(), wheel.toString());
        assertThat(install.exitCode()).as(install.output()).isZero();
        Path job = dir.resolve("job.py");
        Files.writeString(job, String.join("\n",
                "import weir",
                "from weir.datastream import StreamExecutionEnvironment",
                "print(weir.__file__.startswith(" + pythonString(site.toString()) + "))",
                "env = StreamExecutionEnvironment.get_execution_environment()",
                "print(sorted(env.from_collection(['b', 'a']).map(str.upper).execute_and_collect()))",
                ""));
        // The JVM announces JAVA_TOOL_OPTIONS on its error output, which this test reads: this one job runs without them.
        Result run = python(site, dir, null, job.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).isEqualTo("True\n['A', 'B']\n");
    }

    private static String pythonString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void assumePython() {
        boolean found;
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            found = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            found = false;
        }
        Assumptions.assumeTrue(found, "no python3 on the PATH: the Python API's tests are skipped");
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs python3 with {@code args}; the JVMs it starts get {@code jvmOptions} (as JAVA_TOOL_OPTIONS) unless null. */
    private static Result python(Path pythonPath, Path workingDir, String jvmOptions, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add("python3");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        builder.environment().remove("PYTHONPATH");
        if (pythonPath != null) {
            builder.environment().put("PYTHONPATH", pythonPath.toString());
        }
        builder.environment().put("WEIR_CLASSPATH", JOB_CLASSPATH);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (jvmOptions != null) {
            builder.environment().put("JAVA_TOOL_OPTIONS", jvmOptions);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // Only against a hang: the longest module takes seconds.
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), output);
    }
}
