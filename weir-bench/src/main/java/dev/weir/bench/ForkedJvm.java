package dev.weir.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A child JVM on a given classpath: a long-lived {@link Worker} spoken to line by line, or a one-shot main. */
final class ForkedJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private ForkedJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts {@code mainClass args} on {@code classpath}; the child's stderr is appended to {@code log}. */
    static ForkedJvm start(String classpath, List<String> jvmOptions, Path log, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ForkedJvm(builder.start());
    }

    /** Sends one command line and returns the answer after {@code ok }; fails on an error answer or a dead child. */
    String ask(String command) throws IOException {
        in.write(command);
        in.write('\n');
        in.flush();
        String answer = out.readLine();
        // With --jfr the JVM announces its recording on stdout whatever -Xlog says; those lines are no answer.
        while (answer != null && answer.startsWith("[") && answer.contains("][jfr,startup]")) {
            answer = out.readLine();
        }
        return expectOk(answer, command);
    }

    /** Reads the next line the child prints (a one-shot main's result). */
    String readLine() throws IOException {
        return out.readLine();
    }

    private String expectOk(String answer, String command) {
        if (answer == null) {
            throw new IllegalStateException("The worker JVM died while running '" + command + "'; see its log");
        }
        if (!answer.startsWith("ok ")) {
            throw new IllegalStateException("The worker JVM failed '" + command + "': " + answer);
        }
        return answer.substring(3);
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
