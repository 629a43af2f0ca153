package dev.weir.sqlcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The Nexmark queries of weir-examples on Apache Flink 2.3 and on Weir, over the same {@value #EVENTS} events of the
 * same generator: Weir gives Flink's rows, compared as multisets of {@code Row.toString()} (updating results after
 * applying their changelogs, since the order two inputs interleave in is each engine's own). A query Weir cannot run
 * must be refused while planning, with the message listed in {@link #WEIR_REFUSES}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class NexmarkDifferentialTest {
    static final long EVENTS = 10_000;
    /** 500 events a second: the 10,000 events span 20 s of event time, several of every query's windows. */
    static final long RATE = 500;

    /**
     * The queries Weir refuses while planning, with (part of) its message: q6, which Flink 2.3 refuses too (checked
     * below).
     */
    static final Map<String, String> WEIR_REFUSES = Map.of(
            "q6", "Expression 'B.dateTime' is not being grouped");
    /**
     * Queries on processing time, whose rows depend on the wall clock on either engine: q12's 10-second windows of
     * processing time. They are checked by structure: each row a bidder's count in one window of 10 s, aligned to 10 s,
     * no bidder twice in a window, no more bids counted than there are (windows open at the end of input never fire,
     * as in Flink).
     */
    static final Set<String> ON_PROCESSING_TIME = Set.of("q12");
    /** Queries whose Flink 2.3 result is an upsert stream (no -U), by the number of leading key fields. */
    static final Map<String, Integer> UPSERT_KEYS = Map.of("q9", 1);
    /**
     * Queries Flink 2.3 refuses but Weir runs, with the query Flink runs instead to give the expected rows: q13 joins a
     * {@code filesystem} table by lookup, which Flink 2.3's filesystem connector cannot do (FLINK-18436 was never
     * merged; Flink 1.11's legacy filesystem source and Hive's can). Its side input maps key k to "side-k", so the
     * expected rows are each bid with that value.
     */
    static final Map<String, String> FLINK_EQUIVALENT = Map.of("q13", "SELECT B.auction, B.bidder, B.price, B.`dateTime`, "
            + "CONCAT('side-', CAST(MOD(B.auction, 10000) AS STRING)) FROM bid B");
    /** What Flink 2.3 says when refusing the original of a query in {@link #FLINK_EQUIVALENT}. */
    static final Map<String, String> FLINK_REFUSAL = Map.of("q13",
            "Temporal Table Join requires primary key in versioned table, but no primary key can be found");
    private final Map<String, List<String>> flinkRefusals = new LinkedHashMap<>();

    /** The queries Flink 2.3 refuses as well. */
    static final Set<String> FLINK_REFUSES = Set.of("q6");

    private final Map<String, List<String>> flink = new LinkedHashMap<>();
    private final Map<String, List<String>> weir = new LinkedHashMap<>();

    static List<String> names() {
        return IntStream.rangeClosed(0, 22).mapToObj(i -> "q" + i).toList();
    }

    /** q13's side input, as Nexmark writes it: lines {@code key,value} for the keys 0 to 9,999. */
    private java.nio.file.Path sideInput;

    @BeforeAll
    void runEveryQueryOnBothEngines() throws Exception {
        sideInput = java.nio.file.Files.createTempDirectory("weir-nexmark").resolve("side_input.csv");
        java.nio.file.Files.write(sideInput, IntStream.range(0, 10_000).mapToObj(k -> k + ",side-" + k).toList());
        try (FlinkCluster cluster = new FlinkCluster(); FlinkQueryThreads flinkThreads = new FlinkQueryThreads(cluster, List.of())) {
            runAll(cluster, flinkThreads);
        }
    }

    /** Flink's jobs run on their own threads while Weir's run here; each engine's rows are those it gives alone. */
    private void runAll(FlinkCluster cluster, FlinkQueryThreads flinkThreads) throws Exception {
        Map<String, java.util.concurrent.Future<List<String>>> flinkRows = new LinkedHashMap<>();
        Map<String, java.util.concurrent.Future<List<String>>> flinkRefusalRows = new LinkedHashMap<>();
        for (String name : selected()) {
            NexmarkQueryFile file = queryFile(name);
            if (!WEIR_REFUSES.containsKey(name) || FLINK_REFUSES.contains(name)) {
                List<String> flinkDdl = file.ddl().stream()
                        .map(d -> d.replace("dev.weir.sql.connector.nexmark.CountChar", FlinkCountChar.class.getName())).toList();
                if (FLINK_EQUIVALENT.containsKey(name)) {
                    flinkRefusalRows.put(name, flinkThreads.rows(cluster::tableEnvironment, flinkDdl, file.query()));
                    flinkRows.put(name, flinkThreads.rows(cluster::tableEnvironment, flinkDdl, FLINK_EQUIVALENT.get(name)));
                } else {
                    flinkRows.put(name, flinkThreads.rows(cluster::tableEnvironment, flinkDdl, file.query()));
                }
            }
        }
        for (String name : selected()) {
            NexmarkQueryFile file = queryFile(name);
            weir.put(name, weirRows(file));
            if (ON_PROCESSING_TIME.contains(name)) {
                weir.put(name + "-bids", weirRows(new NexmarkQueryFile(name, file.ddl(), "SELECT auction FROM bid")));
            }
        }
        for (Map.Entry<String, java.util.concurrent.Future<List<String>>> rows : flinkRows.entrySet()) {
            flink.put(rows.getKey(), FlinkQueryThreads.await(rows.getValue()));
        }
        for (Map.Entry<String, java.util.concurrent.Future<List<String>>> rows : flinkRefusalRows.entrySet()) {
            flinkRefusals.put(rows.getKey(), FlinkQueryThreads.await(rows.getValue()));
        }
    }

    /** The query as weir-examples has it, its side input read from {@link #sideInput}. */
    private NexmarkQueryFile queryFile(String name) throws java.io.IOException {
        NexmarkQueryFile read = NexmarkQueryFile.read(name, EVENTS, RATE);
        return new NexmarkQueryFile(name, read.ddl().stream()
                .map(d -> d.replace("/tmp/nexmark-side_input.csv", sideInput.toString())).toList(), read.query());
    }

    private static List<String> weirRows(NexmarkQueryFile file) {
        dev.weir.table.api.TableEnvironment env = dev.weir.table.api.TableEnvironment.create(
                dev.weir.table.api.EnvironmentSettings.inStreamingMode());
        env.getConfig().set("table.local-time-zone", "UTC");
        env.getConfig().set("parallelism.default", "1");
        return EngineRows.weir(env, file.ddl(), file.query());
    }

    @TestFactory
    Stream<DynamicTest> weirGivesFlinksRowsForEveryNexmarkQuery() {
        return selected().stream().filter(q -> !WEIR_REFUSES.containsKey(q) && !ON_PROCESSING_TIME.contains(q))
                .map(q -> DynamicTest.dynamicTest(q, () -> {
            List<String> expected = flink.get(q);
            List<String> actual = weir.get(q);
            assertThat(expected).as("Flink's rows for " + q).isNotEmpty().noneMatch(r -> r.startsWith("FLINK FAILED"));
            // Flink 2.3 may emit a result as upserts without -U (q9's Top-1): both are compared as the rows they leave.
            boolean updating = Stream.concat(expected.stream(), actual.stream()).anyMatch(r -> !r.startsWith("+I"));
            Integer keyFields = UPSERT_KEYS.get(q);
            expected = keyFields != null ? Changelogs.upsert(expected, keyFields)
                    : updating ? Changelogs.materialize(expected) : new ArrayList<>(expected);
            actual = keyFields != null ? Changelogs.upsert(actual, keyFields)
                    : updating ? Changelogs.materialize(actual) : new ArrayList<>(actual);
            Collections.sort(expected);
            Collections.sort(actual);
            assertThat(actual).as(q + " on Weir (" + expected.size() + " rows expected)").isEqualTo(expected);
        }));
    }

    /**
     * Where Flink 2.3 plans a query insert-only (q5: a window aggregate over another's window bounds, then a window
     * join), Weir does too: its result holds no retractions or updates either.
     */
    @TestFactory
    Stream<DynamicTest> weirEmitsOnlyInsertsWhereFlinkDoes() {
        return selected().stream().filter(q -> !WEIR_REFUSES.containsKey(q) && flink.get(q).stream().allMatch(r -> r.startsWith("+I")))
                .map(q -> DynamicTest.dynamicTest(q, () -> assertThat(weir.get(q)).as(q + " on Weir")
                        .allMatch(r -> r.startsWith("+I"), "is an insertion (+I)")));
    }

    @TestFactory
    Stream<DynamicTest> processingTimeQueriesGiveWellFormedWindowsOnBothEngines() {
        return selected().stream().filter(ON_PROCESSING_TIME::contains).map(q -> DynamicTest.dynamicTest(q, () -> {
            long bids = weir.get("q12-bids").size();
            assertThat(bids).as("bids among the events").isPositive();
            assertWellFormedWindows(flink.get(q), bids, "Flink");
            assertWellFormedWindows(weir.get(q), bids, "Weir");
        }));
    }

    /** q12's rows {@code +I[bidder, count, start, end]}: 10-second aligned windows, each bidder once a window. */
    private static void assertWellFormedWindows(List<String> rows, long bids, String engine) {
        long counted = 0;
        Set<String> windows = new java.util.HashSet<>();
        for (String row : rows) {
            assertThat(row).as(engine + "'s q12 row").startsWith("+I[");
            String[] f = row.substring(3, row.length() - 1).split(", ");
            java.time.LocalDateTime start = java.time.LocalDateTime.parse(f[2]);
            java.time.LocalDateTime end = java.time.LocalDateTime.parse(f[3]);
            assertThat(java.time.Duration.between(start, end)).as(engine + "'s q12 window").isEqualTo(java.time.Duration.ofSeconds(10));
            assertThat(start.getSecond() % 10).as(engine + "'s q12 window start").isZero();
            assertThat(windows.add(f[0] + "@" + start)).as(engine + ": bidder " + f[0] + " once in window " + start).isTrue();
            counted += Long.parseLong(f[1]);
        }
        assertThat(counted).as(engine + "'s q12 bids counted").isLessThanOrEqualTo(bids);
    }

    @TestFactory
    Stream<DynamicTest> flinkRefusesTheQueriesComparedThroughAnEquivalent() {
        return selected().stream().filter(FLINK_EQUIVALENT::containsKey).map(q -> DynamicTest.dynamicTest(q, () ->
                assertThat(flinkRefusals.get(q)).singleElement().asString().startsWith("FLINK FAILED: ")
                        .contains(FLINK_REFUSAL.get(q))));
    }

    @TestFactory
    Stream<DynamicTest> weirRefusesWhilePlanningTheQueriesItCannotRun() {
        return selected().stream().filter(WEIR_REFUSES::containsKey).map(q -> DynamicTest.dynamicTest(q, () -> {
            assertThat(weir.get(q)).singleElement().asString()
                    .startsWith("WEIR FAILED: dev.weir.table.api.ValidationException: ").contains(WEIR_REFUSES.get(q));
            if (FLINK_REFUSES.contains(q)) {
                assertThat(flink.get(q)).singleElement().asString().startsWith("FLINK FAILED: ");
            }
        }));
    }

    /** Every query, or those named in the system property {@code nexmark.queries} (comma-separated). */
    private static List<String> selected() {
        String names = System.getProperty("nexmark.queries");
        if (names == null || names.isBlank()) {
            return names();
        }
        return List.of(names.split(","));
    }
}
