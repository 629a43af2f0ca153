package dev.weir.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The porting rule itself: every public type in Weir's Flink-shaped packages exists in Apache Flink under the name
 * with {@code dev.weir.} swapped for {@code org.apache.flink.} (checked against the Flink 1.20 jars on this test's
 * class path), so that a Flink job ports by that one substitution and no class drifts out of place again. Weir's
 * own packages are the only exception, and none of them has a Flink counterpart a user could confuse it with.
 */
class FlinkNameRuleTest {
    /** Packages Flink does not have: Weir's engine, its job plan, built-ins and extensions. */
    private static final List<String> WEIR_ONLY = List.of("dev.weir.engine", "dev.weir.plan", "dev.weir.builtin",
            "dev.weir.testing", "dev.weir.kafka", "dev.weir.web", "dev.weir.cli", "dev.weir.examples", "dev.weir.bench",
            "dev.weir.compat", "dev.weir.jdbc", "dev.weir.rocksdb", "dev.weir.sql", "dev.weir.flink", "dev.weir.python");

    /**
     * Types whose Flink name exists only in Flink 2.x, so the Flink 1.20 jars on this class path cannot show them;
     * each has a Flink 1.x twin under its 1.x name. Flink 2.x moved {@code ParameterTool} and its relatives from
     * {@code org.apache.flink.api.java.utils} to {@code org.apache.flink.util}; Weir offers both names over one
     * implementation.
     */
    private static final Set<String> FLINK_2_ONLY = Set.of("dev.weir.util.ParameterTool", "dev.weir.util.MultipleParameterTool",
            "dev.weir.util.AbstractParameterTool");

    /**
     * Types Flink added in 2.x with no 1.x name at all: Flink 2.3's SQL type BITMAP's value,
     * {@code org.apache.flink.types.bitmap.Bitmap}.
     */
    private static final Set<String> NEW_IN_FLINK_2 = Set.of("dev.weir.types.bitmap.Bitmap");

    @Test
    void everyPublicTypeInAFlinkShapedPackageHasAFlinkTwinUnderTheSwappedName() throws Exception {
        List<String> weirTypes = publicTypes();
        assertThat(weirTypes).as("the public types found").hasSizeGreaterThan(150)
                .contains("dev.weir.streaming.api.datastream.DataStream", "dev.weir.connector.kafka.source.KafkaSource",
                        "dev.weir.table.api.TableEnvironment", "dev.weir.table.api.bridge.java.StreamTableEnvironment",
                        "dev.weir.types.Row");
        List<String> missing = new ArrayList<>();
        for (String type : weirTypes) {
            String flinkName = "org.apache.flink." + type.substring("dev.weir.".length());
            if (!existsInFlink(flinkName) && !FLINK_2_ONLY.contains(type) && !NEW_IN_FLINK_2.contains(type)) {
                missing.add(type + " (no " + flinkName + ")");
            }
        }
        assertThat(missing).as("public Weir types in Flink-shaped packages without a Flink twin; move them to their Flink "
                + "name or to a Weir-only package " + WEIR_ONLY).isEmpty();
    }

    @Test
    void theFlink2OnlyNamesAreReallyMissingFromFlink1AndHaveTheirFlink1TwinsThere() {
        for (String type : FLINK_2_ONLY) {
            String simpleName = type.substring(type.lastIndexOf('.') + 1);
            assertThat(existsInFlink("org.apache.flink.util." + simpleName)).as(type + " is not in Flink 1.20").isFalse();
            assertThat(existsInFlink("org.apache.flink.api.java.utils." + simpleName)).as(simpleName + " in Flink 1.20").isTrue();
        }
    }

    @Test
    void theTypesNewInFlink2AreReallyMissingFromFlink1() {
        for (String type : NEW_IN_FLINK_2) {
            String flinkName = "org.apache.flink." + type.substring("dev.weir.".length());
            assertThat(existsInFlink(flinkName)).as(flinkName + " is not in Flink 1.20").isFalse();
        }
    }

    @Test
    void weirOnlyPackagesAreNotNamesFlinkUses() {
        for (String pkg : WEIR_ONLY) {
            String flinkPkg = "org.apache.flink." + pkg.substring("dev.weir.".length());
            assertThat(getClass().getClassLoader().getDefinedPackage(flinkPkg)).as(flinkPkg).isNull();
            assertThat(getClass().getClassLoader().getResource(flinkPkg.replace('.', '/'))).as(flinkPkg).isNull();
        }
    }

    private static boolean existsInFlink(String name) {
        try {
            Class.forName(name, false, FlinkNameRuleTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static List<String> publicTypes() throws Exception {
        Set<String> names = new TreeSet<>();
        for (Class<?> anchor : List.of(StreamExecutionEnvironment.class, KafkaSource.class,
                dev.weir.table.api.TableEnvironment.class)) {
            collect(location(anchor), names);
        }
        List<String> result = new ArrayList<>();
        for (String name : names) {
            if (name.contains("$") || name.endsWith("package-info") || weirOnly(name)) {
                continue;
            }
            Class<?> type = Class.forName(name, false, FlinkNameRuleTest.class.getClassLoader());
            if (Modifier.isPublic(type.getModifiers())) {
                result.add(name);
            }
        }
        return result;
    }

    private static boolean weirOnly(String name) {
        for (String pkg : WEIR_ONLY) {
            if (name.startsWith(pkg + ".")) {
                return true;
            }
        }
        return false;
    }

    private static Path location(Class<?> anchor) throws URISyntaxException {
        return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void collect(Path where, Set<String> names) throws IOException {
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.walk(where)) {
                files.map(p -> where.relativize(p).toString().replace('\\', '/')).forEach(p -> add(p, names));
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                jar.stream().forEach(e -> add(e.getName(), names));
            }
        }
    }

    private static void add(String path, Set<String> names) {
        if (path.startsWith("dev/weir/") && path.endsWith(".class")) {
            names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }
}
