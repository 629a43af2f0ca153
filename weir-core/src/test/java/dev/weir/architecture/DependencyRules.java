package dev.weir.architecture;

import java.util.List;
import java.util.Set;

/**
 * DESIGN.md's dependency rules, each as a {@link DependencyRule} over the reactor's main sources. Modules are named by
 * their folder, so a rule about a module that does not exist yet (weir-sql, weir-rocksdb, weir-jdbc, ...) governs it
 * from the day it appears; {@link #MODULE_ROLES} makes every new module say which rules it falls under.
 */
final class DependencyRules {
    /** The phrase an engine package's {@code package-info.java} carries when other modules may implement or call it. */
    static final String SPI_MARK = "This package is part of the engine's SPI";

    static final String ENGINE = "\\bdev\\.weir\\.engine(?:\\.[a-z]\\w*)+";
    static final String PLAN = "\\bdev\\.weir\\.plan\\b";
    static final String JAVALIN = "\\bio\\.javalin\\b";

    static final Set<String> CONNECTORS = Set.of("weir-kafka", "weir-jdbc", "weir-kinesis", "weir-s3");
    static final Set<String> SPI_USERS = Set.of("weir-sql", "weir-rocksdb", "weir-flink", "weir-flink1");
    static final String EXAMPLES = "weir-examples";
    /** Modules held to the examples' rule: the public API only (the Python API builds its jobs with it). */
    static final Set<String> PUBLIC_API_ONLY = Set.of(EXAMPLES, "weir-python");
    static final String WEB = "weir-web";
    /** Modules that assemble everything and may use any part (the command, benchmarks, Flink comparison tests). */
    static final Set<String> ASSEMBLIES = Set.of("weir-cli", "weir-bench", "weir-flink-compat", "weir-sql-compat");

    /** Every module the rules know, by role; a module missing here fails {@code everyModuleHasARole}. */
    static final Set<String> MODULE_ROLES = union(Set.of("weir-core", WEB), PUBLIC_API_ONLY, CONNECTORS, SPI_USERS, ASSEMBLIES);

    /** The checkpoint storage SPI, the one engine package a connector may use (weir-s3 implements it). */
    static final String STORAGE_SPI = "dev.weir.engine.checkpoint.storage";

    private DependencyRules() {
    }

    /** The rules, given the engine packages marked as SPI. */
    static List<DependencyRule> all(Set<String> spiPackages) {
        return List.of(
                DependencyRule.never("the API never imports the engine",
                        f -> f.module().equals("weir-core") && !f.isIn("dev.weir.engine") && !f.isIn("dev.weir.testing"), ENGINE),
                DependencyRule.never("the exchange never imports the operators",
                        f -> f.isIn("dev.weir.engine.exchange"), "\\bdev\\.weir\\.engine\\.operators\\b"),
                DependencyRule.never("state never imports windowing",
                        f -> f.isIn("dev.weir.engine.state"), "\\bdev\\.weir\\.engine\\.windowing\\b"),
                DependencyRule.never("the engine never imports the web module",
                        f -> f.module().equals("weir-core"), "\\bdev\\.weir\\.web\\b"),
                DependencyRule.never("the web module reads the engine only through its status interface",
                        f -> f.module().equals(WEB), ENGINE).except(r -> isIn(r, "dev.weir.engine.status")),
                DependencyRule.never("connectors use the API's contracts, not the engine (checkpoint storage SPI aside)",
                        f -> CONNECTORS.contains(f.module()), ENGINE).except(r -> isIn(r, STORAGE_SPI)),
                DependencyRule.never("connectors do not build plans", f -> CONNECTORS.contains(f.module()), PLAN),
                DependencyRule.never("examples use the public API only",
                        f -> PUBLIC_API_ONLY.contains(f.module()), ENGINE + "|" + PLAN),
                DependencyRule.never("SQL, RocksDB and the Flink runner use the engine only through its SPI",
                        f -> SPI_USERS.contains(f.module()), ENGINE).except(r -> spiPackages.stream().anyMatch(p -> isIn(r, p))),
                DependencyRule.never("no module but weir-web knows Javalin", f -> !f.module().equals(WEB), JAVALIN));
    }

    /** Whether a package reference lies in {@code pkg} or below it. */
    static boolean isIn(String reference, String pkg) {
        return reference.equals(pkg) || reference.startsWith(pkg + ".");
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
