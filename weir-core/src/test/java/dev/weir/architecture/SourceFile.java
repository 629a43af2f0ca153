package dev.weir.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One main source file of the reactor as the dependency rules see it: the module it belongs to, its package, its path
 * (for the report) and its text, comments included, so that a Javadoc link into a forbidden package counts too.
 */
record SourceFile(String module, String packageName, String path, String text) {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /** A file read from disk or written by a test; the package comes from its {@code package} line. */
    static SourceFile of(String module, String path, String text) {
        Matcher m = PACKAGE.matcher(text);
        return new SourceFile(module, m.find() ? m.group(1) : "", path, text);
    }

    /** Whether the file's package is {@code pkg} or lies below it. */
    boolean isIn(String pkg) {
        return packageName.equals(pkg) || packageName.startsWith(pkg + ".");
    }

    /** Every match of {@code reference} in the text, e.g. {@code dev.weir.engine.exec}, in order. */
    List<String> references(Pattern reference) {
        List<String> found = new ArrayList<>();
        Matcher m = reference.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
