package dev.weir.sqlcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Weir SQL against Apache Flink 2.3's SQL planner and runtime, in the build: every query of {@link SqlCases} runs
 * on both engines over the same CSV files, and Weir must give the same rows as Flink, compared as multisets of
 * {@code Row.toString()} ({@code +I[...]}, {@code -U[...]}, ...). Flink's rows are recorded afresh in each run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(900)
class SqlDifferentialTest {
    private final Map<String, List<String>> flink = new LinkedHashMap<>();
    private final Map<String, List<String>> weir = new LinkedHashMap<>();

    @BeforeAll
    void runEveryQueryOnBothEngines() throws Exception {
        Path dir = Files.createTempDirectory("weir-sql-differential");
        List<String> ddl = SqlCases.tables(dir);
        ddl.addAll(TemporalJoinCases.tables(dir));
        ddl.addAll(GroupWindowCases.tables(dir));
        ddl.addAll(FunctionCases.tables(dir));
        ddl.addAll(JsonFunctionCases.tables(dir));
        ddl.addAll(CollectionFunctionCases.tables(dir));
        ddl.addAll(SortLimitCases.tables(dir));

        try (FlinkCluster cluster = new FlinkCluster(); FlinkQueryThreads flinkThreads = new FlinkQueryThreads(cluster, ddl)) {
            runAll(flinkThreads, ddl);
        }
    }

    private void runAll(FlinkQueryThreads flinkThreads, List<String> ddl) throws Exception {
        // Flink's jobs run on their own threads while Weir's run here; each engine's rows are those it gives alone.
        Map<String, java.util.concurrent.Future<List<String>>> flinkRows = new LinkedHashMap<>();
        for (SqlCases.Query query : selected()) {
            flinkRows.put(query.name(), flinkThreads.rows(query.sql()));
        }
        dev.weir.table.api.TableEnvironment weirEnv = dev.weir.table.api.TableEnvironment.create(
                dev.weir.table.api.EnvironmentSettings.inStreamingMode());
        weirEnv.getConfig().set("table.local-time-zone", "UTC");
        weirEnv.getConfig().set("parallelism.default", "2");
        // Updating results depend on the order each key's rows arrive in; Flink runs them at parallelism 1, and so
        // does Weir for them (insert-only results compare as multisets at parallelism 2).
        dev.weir.table.api.TableEnvironment weirSerial = dev.weir.table.api.TableEnvironment.create(
                dev.weir.table.api.EnvironmentSettings.inStreamingMode());
        weirSerial.getConfig().set("table.local-time-zone", "UTC");
        weirSerial.getConfig().set("parallelism.default", "1");
        for (String statement : ddl) {
            weirEnv.executeSql(statement);
            weirSerial.executeSql(statement);
        }
        for (SqlCases.Query query : selected()) {
            weir.put(query.name(), EngineRows.weir(query.changelog() ? weirSerial : weirEnv, List.of(), query.sql()));
        }
        for (Map.Entry<String, java.util.concurrent.Future<List<String>>> rows : flinkRows.entrySet()) {
            flink.put(rows.getKey(), FlinkQueryThreads.await(rows.getValue()));
        }
    }

    @TestFactory
    Stream<DynamicTest> weirGivesFlinksRowsForEveryQuery() {
        return selected().stream().map(q -> DynamicTest.dynamicTest(q.name(), () -> {
            List<String> expected = q.materialized() ? Changelogs.materialize(flink.get(q.name())) : new ArrayList<>(flink.get(q.name()));
            List<String> actual = q.materialized() ? Changelogs.materialize(weir.get(q.name())) : new ArrayList<>(weir.get(q.name()));
            Collections.sort(expected);
            Collections.sort(actual);
            assertThat(expected).as("Flink's rows for " + q.name()).isNotEmpty().noneMatch(r -> r.startsWith("FLINK FAILED"));
            assertThat(actual).as(q.name() + ": " + q.sql()).isEqualTo(expected);
        }));
    }

    /** Every query, or those named in the system property {@code sql.cases} (comma-separated), to iterate on a few. */
    private static List<SqlCases.Query> selected() {
        String names = System.getProperty("sql.cases");
        if (names == null || names.isBlank()) {
            return SqlCases.queries();
        }
        List<String> wanted = List.of(names.split(","));
        return SqlCases.queries().stream().filter(q -> wanted.contains(q.name())).toList();
    }

    @org.junit.jupiter.api.Test
    void theSuiteCoversAtLeastEightyQueries() {
        assertThat(SqlCases.queries()).hasSizeGreaterThanOrEqualTo(80);
    }
}
