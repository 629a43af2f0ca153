package dev.weir.sqlcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Weir's Table API against Apache Flink 2.3's, in the build: every program of {@link WeirTableApiPrograms} runs on Weir
 * and its twin in {@link FlinkTableApiPrograms} on Flink, over the same CSV file; both must name the columns alike and
 * give the same rows once their changelogs are applied (compared as sorted multisets), or, for a program whose name
 * ends in Changelog, the same changelog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(900)
class TableApiDifferentialTest {
    private final Map<String, List<String>> flink = new LinkedHashMap<>();
    private final Map<String, List<String>> weir = new LinkedHashMap<>();

    @BeforeAll
    void runEveryProgramOnBothEngines() throws Exception {
        Path dir = Files.createTempDirectory("weir-table-api-differential");
        Path clicks = dir.resolve("clicks.csv");
        Files.write(clicks, List.of("a,1,2020-01-01 10:00:00", "a,2,2020-01-01 10:03:00", "b,5,2020-01-01 10:04:00",
                "a,4,2020-01-01 10:09:00", "b,1,2020-01-01 10:06:00", "a,8,2020-01-01 10:07:59"));
        String ddl = "CREATE TABLE clicks (u STRING, n INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '10' MINUTE) "
                + "WITH ('connector' = 'filesystem', 'path' = '" + clicks + "', 'format' = 'csv')";
        try (FlinkCluster cluster = new FlinkCluster()) {
            org.apache.flink.table.api.TableEnvironment env = cluster.tableEnvironment();
            env.executeSql(ddl);
            for (Method program : programs()) {
                flink.put(program.getName(), flinkRows(program, env));
            }
        }
        dev.weir.table.api.TableEnvironment env = dev.weir.table.api.TableEnvironment.create(
                dev.weir.table.api.EnvironmentSettings.inStreamingMode());
        env.getConfig().set("table.local-time-zone", "UTC");
        env.getConfig().set("parallelism.default", "1");
        env.executeSql(ddl);
        for (Method program : programs()) {
            weir.put(program.getName(), weirRows(program, env));
        }
    }

    private static List<Method> programs() {
        return Arrays.stream(WeirTableApiPrograms.class.getDeclaredMethods()).filter(m -> Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isSynthetic()).sorted(Comparator.comparing(Method::getName)).toList();
    }

    /** The program's column names, then its rows as Flink prints them. */
    private static List<String> flinkRows(Method weirProgram, org.apache.flink.table.api.TableEnvironment env) {
        List<String> rows = new ArrayList<>();
        try {
            Method program = FlinkTableApiPrograms.class.getDeclaredMethod(weirProgram.getName(),
                    org.apache.flink.table.api.TableEnvironment.class);
            org.apache.flink.table.api.Table table = (org.apache.flink.table.api.Table) program.invoke(null, env);
            rows.add("columns " + table.getResolvedSchema().getColumnNames());
            try (org.apache.flink.util.CloseableIterator<org.apache.flink.types.Row> it = table.execute().collect()) {
                it.forEachRemaining(r -> rows.add(r.toString()));
            }
        } catch (Exception e) {
            rows.add("FLINK FAILED: " + e);
        }
        return rows;
    }

    private static List<String> weirRows(Method program, dev.weir.table.api.TableEnvironment env) {
        List<String> rows = new ArrayList<>();
        try {
            dev.weir.table.api.Table table = (dev.weir.table.api.Table) program.invoke(null, env);
            rows.add("columns " + table.getResolvedSchema().getColumnNames());
            try (dev.weir.util.CloseableIterator<dev.weir.types.Row> it = table.execute().collect()) {
                it.forEachRemaining(r -> rows.add(r.toString()));
            }
        } catch (Exception e) {
            rows.add("WEIR FAILED: " + (e.getCause() != null ? e.getCause() : e));
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> weirNamesTheColumnsAndGivesTheRowsFlinkDoes() {
        return programs().stream().map(p -> DynamicTest.dynamicTest(p.getName(), () -> {
            // A program named ...Changelog is compared as its changelog, in order: its rows arrive in one order on both.
            boolean changelog = p.getName().endsWith("Changelog");
            List<String> expected = changelog ? flink.get(p.getName()) : applied(flink.get(p.getName()));
            List<String> actual = changelog ? weir.get(p.getName()) : applied(weir.get(p.getName()));
            assertThat(expected).as("Flink's rows for " + p.getName()).noneMatch(r -> r.startsWith("FLINK FAILED"));
            assertThat(actual).as(p.getName()).isEqualTo(expected);
        }));
    }

    /** The column line, then the rows left once the changelog is applied, sorted. */
    private static List<String> applied(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("columns ")) {
            return lines;
        }
        List<String> rows = new ArrayList<>(Changelogs.materialize(lines.subList(1, lines.size())));
        Collections.sort(rows);
        rows.add(0, lines.get(0));
        return rows;
    }

    @Test
    void theProgramsDifferOnlyInTheirImports() throws Exception {
        Path dir = Path.of("src/test/java/dev/weir/sqlcompat");
        String weirBody = body(Files.readString(dir.resolve("WeirTableApiPrograms.java")));
        String flinkBody = body(Files.readString(dir.resolve("FlinkTableApiPrograms.java")));
        assertThat(weirBody.replace("WeirTableApiPrograms", "Programs")).isEqualTo(flinkBody.replace("FlinkTableApiPrograms", "Programs"));
        assertThat(programs()).hasSizeGreaterThanOrEqualTo(20);
    }

    /** The source after its class Javadoc: the class itself. */
    private static String body(String source) {
        return source.substring(source.indexOf("final class"));
    }
}
