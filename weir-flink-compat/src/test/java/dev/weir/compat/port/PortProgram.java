package dev.weir.compat.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One program of the port suite: a plain Flink 1.20 job kept as source under {@code src/test/port}. A program that
 * does not yet run on Weir says why on its first line, {@code // Blocked on Weir: <what is missing>}.
 *
 * @param fileName the source file's name, e.g. {@code WordCount.java}
 * @param className the binary name of the class whose {@code main} runs the job
 * @param source the program as written, against Flink
 * @param blocker what keeps the ported program from running on Weir, or null when nothing does
 */
record PortProgram(String fileName, String className, String source, String blocker) {
    static final String BLOCKER_PREFIX = "// Blocked on Weir:";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    static PortProgram load(Path file) throws IOException {
        String source = Files.readString(file);
        String fileName = file.getFileName().toString();
        String simpleName = fileName.substring(0, fileName.length() - ".java".length());
        Matcher pkg = PACKAGE.matcher(source);
        String className = pkg.find() ? pkg.group(1) + "." + simpleName : simpleName;
        String firstLine = source.lines().findFirst().orElse("");
        String blocker = firstLine.startsWith(BLOCKER_PREFIX) ? firstLine.substring(BLOCKER_PREFIX.length()).trim() : null;
        return new PortProgram(fileName, className, source, blocker);
    }

    /** The program's name, its class's simple name. */
    String name() {
        return fileName.substring(0, fileName.length() - ".java".length());
    }

    /** The program after the porting rule and nothing else: every {@code org.apache.flink.} becomes {@code dev.weir.}. */
    String ported() {
        return PortingRule.apply(source);
    }
}
