package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A test job's main in a JVM of its own with a 64 MB heap that exits on the first OutOfMemoryError, its output in a log. */
record ChildJvm(Process process, Path logFile) {
    static ChildJvm start(Path log, Class<?> main, List<String> arguments) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    }

    /** Waits for the exit (failing after {@code seconds}, against a hang) and returns the exit code. */
    int awaitExit(long seconds) throws Exception {
        try {
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("the child JVM ended within %d s; log:%n%s", seconds, log())
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.exists(logFile) ? Files.readString(logFile) : "";
    }
}
