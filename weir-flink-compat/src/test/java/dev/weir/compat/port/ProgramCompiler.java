package dev.weir.compat.port;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one port-suite program with the JDK's compiler against this test's class path, which holds both Apache
 * Flink 1.20 and Weir, so the same source compiles as written and after the porting rule.
 */
final class ProgramCompiler {
    private ProgramCompiler() {
    }

    /**
     * Writes {@code source} as {@code <work>/src/<Name>.java} and compiles it into {@code classes}.
     *
     * @return the compiler's errors, one per line, or an empty string when it compiled
     */
    static String compile(String fileName, String source, Path work, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        Path src = Files.createDirectories(work.resolve("src")).resolve(fileName);
        Files.writeString(src, source);
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", testClassPath(), "-d", classes.toString(), "-proc:none",
                    "-nowarn", "-Xlint:none", "-encoding", "UTF-8");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(src.toFile())).call();
            if (ok) {
                return "";
            }
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> fileName + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    /** Surefire may hide the class path behind a manifest-only jar; it always publishes the real one here. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, path.split(File.pathSeparator));
    }
}
