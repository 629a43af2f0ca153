package dev.weir.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One dependency that must never exist: the files it governs ({@code scope}), the references they must not make
 * ({@code forbidden}, matched in the text) and the references of that shape that are nevertheless allowed (an SPI
 * package). {@link #violations} lists each offending reference with the file that makes it.
 */
record DependencyRule(String name, Predicate<SourceFile> scope, Pattern forbidden, Predicate<String> allowed) {

    /** A rule with no exceptions. */
    static DependencyRule never(String name, Predicate<SourceFile> scope, String forbiddenRegex) {
        return new DependencyRule(name, scope, Pattern.compile(forbiddenRegex), reference -> false);
    }

    /** The same rule, allowing the references {@code allowed} accepts. */
    DependencyRule except(Predicate<String> allowed) {
        return new DependencyRule(name, scope, forbidden, allowed);
    }

    /** "path: reference" for every forbidden reference a governed file makes; empty when the rule holds. */
    List<String> violations(List<SourceFile> files) {
        List<String> found = new ArrayList<>();
        for (SourceFile f : files) {
            if (scope.test(f)) {
                for (String reference : f.references(forbidden)) {
                    if (!allowed.test(reference)) {
                        found.add(f.path() + ": " + reference);
                    }
                }
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return name;
    }
}
