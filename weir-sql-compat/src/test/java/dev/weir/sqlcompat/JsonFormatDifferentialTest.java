package dev.weir.sqlcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filesystem connector's {@code json} format with nested columns (ROW of ROW, ARRAY of ROW, MAP, nested NULLs) on
 * Flink 2.3 and on Weir: the same file read gives the same rows ({@code Row.toString()}), the same query written to a
 * json sink gives the same lines (field order, number and timestamp formatting), and Flink's json options change both
 * the same way. Flink writes in batch mode, so its part files are final when the job ends; Weir writes in streaming
 * mode, its files final at the end of the bounded job. Lines are compared as sorted lists of whole lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class JsonFormatDifferentialTest {
    private static final String NESTED_COLUMNS = "id INT, name STRING, r ROW<a INT, b ROW<c STRING, d DOUBLE>>, arr ARRAY<INT>, "
            + "rs ARRAY<ROW<k STRING, v BIGINT>>, m MAP<STRING, INT>, ts TIMESTAMP(3), ltz TIMESTAMP_LTZ(3), amt DECIMAL(10, 2), "
            + "dt DATE";

    @TempDir
    Path dir;

    private org.apache.flink.table.api.TableEnvironment flink;
    private dev.weir.table.api.TableEnvironment weir;
    private String source;

    @BeforeAll
    void environments(@TempDir Path tables) throws Exception {
        Path file = Files.write(tables.resolve("nested.json"), List.of(
                "{\"id\":1,\"name\":\"a\",\"r\":{\"a\":1,\"b\":{\"c\":\"x\",\"d\":1.5}},\"arr\":[1,2,3],"
                        + "\"rs\":[{\"k\":\"p\",\"v\":10},{\"k\":\"q\",\"v\":20}],\"m\":{\"k1\":1},\"ts\":\"2024-01-02 03:04:05.123\","
                        + "\"ltz\":\"2024-01-02 03:04:05.12Z\",\"amt\":12.5,\"dt\":\"2024-01-02\"}",
                "{\"id\":2,\"name\":null,\"r\":{\"a\":null,\"b\":null},\"arr\":[null,5],\"rs\":[{\"k\":null,\"v\":null},null],"
                        + "\"m\":{\"k\":null},\"ts\":\"2024-01-02 03:04:05\",\"ltz\":null,\"amt\":\"0.000001\",\"dt\":null}",
                "{\"id\":3,\"r\":null,\"arr\":[],\"rs\":[],\"m\":{},\"extra\":{\"ignored\":[1,2]}}",
                "{\"id\":\"4\",\"name\":{\"as\":\"text\"},\"r\":{\"a\":\"7\",\"b\":{\"c\":123,\"d\":\"2.25\"}},\"arr\":[\"8\"],"
                        + "\"m\":{\"z\":\"9\"},\"ts\":\"2024-01-02 03:04:05.1\",\"amt\":\"123456789.999\"}"));
        source = "CREATE TABLE src (" + NESTED_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '" + file
                + "', 'format' = 'json')";
        flink = org.apache.flink.table.api.TableEnvironment.create(org.apache.flink.table.api.EnvironmentSettings.inBatchMode());
        flink.getConfig().set("table.local-time-zone", "UTC");
        flink.getConfig().set("parallelism.default", "1");
        weir = dev.weir.table.api.TableEnvironment.create(dev.weir.table.api.EnvironmentSettings.inStreamingMode());
        weir.getConfig().set("table.local-time-zone", "UTC");
        weir.getConfig().set("parallelism.default", "1");
        flink.executeSql(source);
        weir.executeSql(source);
    }

    @Test
    void readingNestedColumnsGivesFlinksRows() {
        assertSameRows("SELECT * FROM src");
    }

    @Test
    void selectingNestedFieldsElementsAndEntriesGivesFlinksRows() {
        assertSameRows("SELECT id, r.a, r.b.c, src.r.b.d, arr[1], arr[4], rs[1].k, rs[2].v, m['k1'], m['none'], CARDINALITY(arr), "
                + "CARDINALITY(m), CARDINALITY(rs) FROM src");
    }

    @Test
    void elementOfSingleElementArraysGivesFlinksRows() {
        assertSameRows("SELECT id, ELEMENT(arr), ELEMENT(ARRAY[r]) FROM src WHERE CARDINALITY(arr) <= 1");
    }

    @Test
    void writingNestedColumnsGivesFlinksLines() throws Exception {
        assertSameLines("(" + NESTED_COLUMNS + ")", "", "SELECT * FROM src");
    }

    @Test
    void writingConstructedArraysMapsAndRowsGivesFlinksLines() throws Exception {
        assertSameLines("(id INT, a ARRAY<INT>, m MAP<STRING, STRING>, r ROW<n STRING, xs ARRAY<INT>>, e ARRAY<ROW<x INT, y STRING>>, "
                + "mm MAP<STRING, ARRAY<DOUBLE>>)", "", "SELECT id, ARRAY[id, r.a], MAP['x', name, 'y', 'const'], ROW(name, arr), "
                + "ARRAY[ROW(id, name), ROW(CAST(NULL AS INT), 'n')], MAP['d', ARRAY[r.b.d, 0.5]] FROM src");
    }

    @Test
    void writingWithFlinksEncodeAndTimestampOptionsGivesFlinksLines() throws Exception {
        assertSameLines("(" + NESTED_COLUMNS + ")", ", 'json.encode.ignore-null-fields' = 'true', "
                + "'json.encode.decimal-as-plain-number' = 'true', 'json.timestamp-format.standard' = 'ISO-8601'",
                "SELECT id, name, r, arr, rs, m, ts, ltz, CAST(amt / 1000000 AS DECIMAL(10, 2)), dt FROM src");
    }

    @Test
    void writingMapsWithNullKeysAsALiteralGivesFlinksLines() throws Exception {
        assertSameLines("(id INT, m MAP<STRING, INT>)", ", 'json.map-null-key.mode' = 'LITERAL', 'json.map-null-key.literal' = 'nil'",
                "SELECT id, MAP[name, id, 'k', 1] FROM src WHERE id < 3");
        assertSameLines("(id INT, m MAP<STRING, INT>)", ", 'json.map-null-key.mode' = 'DROP'",
                "SELECT id, MAP[name, id, 'k', 1] FROM src WHERE id < 3");
    }

    @Test
    void isoTimestampsReadAsFlinkReadsThem() throws Exception {
        Path file = Files.write(dir.resolve("iso.json"), List.of("{\"ts\":\"2024-01-02T03:04:05.5\",\"ltz\":\"2024-01-02T03:04:05Z\"}"));
        String ddl = "CREATE TABLE iso (ts TIMESTAMP(3), ltz TIMESTAMP_LTZ(3)) WITH ('connector' = 'filesystem', 'path' = '" + file
                + "', 'format' = 'json', 'json.timestamp-format.standard' = 'ISO-8601')";
        flink.executeSql(ddl);
        weir.executeSql(ddl);
        assertSameRows("SELECT * FROM iso");
    }

    @Test
    void skippedMalformedAndMissingFieldsGiveFlinksRows() throws Exception {
        Path file = Files.write(dir.resolve("bad.json"), List.of("{\"id\":1,\"r\":{\"a\":2}}", "{\"id\":2,\"r\":{\"a\":\"two\"}}",
                "not json", "{\"id\":4,\"r\":[1]}", "{\"r\":{\"a\":5}}"));
        String ddl = "CREATE TABLE bad (id INT, r ROW<a INT>) WITH ('connector' = 'filesystem', 'path' = '" + file
                + "', 'format' = 'json', 'json.ignore-parse-errors' = 'true')";
        flink.executeSql(ddl);
        weir.executeSql(ddl);
        assertSameRows("SELECT * FROM bad");
    }

    @Test
    void aMalformedNestedValueFailsOnBothEngines() throws Exception {
        Path file = Files.write(dir.resolve("fail.json"), List.of("{\"id\":1,\"r\":{\"a\":2}}", "{\"id\":2,\"r\":{\"a\":\"two\"}}"));
        String ddl = "CREATE TABLE fail (id INT, r ROW<a INT>) WITH ('connector' = 'filesystem', 'path' = '" + file
                + "', 'format' = 'json')";
        flink.executeSql(ddl);
        weir.executeSql(ddl);
        List<String> flinkRows = EngineRows.flink(flink, List.of(), "SELECT * FROM fail");
        List<String> weirRows = EngineRows.weir(weir, List.of(), "SELECT * FROM fail");
        System.out.println("Flink: " + flinkRows + "\nWeir: " + weirRows);
        assertThat(flinkRows).last().asString().startsWith("FLINK FAILED");
        assertThat(weirRows).last().asString().startsWith("WEIR FAILED").contains("Failed to deserialize JSON '{\"id\":2,\"r\":{\"a\":\"two\"}}'")
                .contains("field 'r.a'").contains("'json.ignore-parse-errors' = 'true'");
    }

    @Test
    void aMapWithIntegerKeysIsRefusedOnBothEngines() throws Exception {
        String ddl = "CREATE TABLE intkeys (m MAP<INT, STRING>) WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("ik")
                + "', 'format' = 'json')";
        flink.executeSql(ddl);
        weir.executeSql(ddl);
        Throwable flinkError = org.assertj.core.api.Assertions.catchThrowable(
                () -> flink.executeSql("INSERT INTO intkeys SELECT MAP[id, name] FROM src").await());
        Throwable weirError = org.assertj.core.api.Assertions.catchThrowable(
                () -> weir.executeSql("INSERT INTO intkeys SELECT MAP[id, name] FROM src").await());
        System.out.println("Flink: " + rootMessage(flinkError) + "\nWeir: " + rootMessage(weirError));
        assertThat(flinkError).isNotNull();
        assertThat(weirError).isInstanceOf(dev.weir.table.api.ValidationException.class);
        assertThat(weirError.getMessage()).startsWith(rootMessage(flinkError));
    }

    private static String rootMessage(Throwable e) {
        if (e == null) {
            return null;
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private void assertSameRows(String query) {
        List<String> expected = new ArrayList<>(EngineRows.flink(flink, List.of(), query));
        List<String> actual = new ArrayList<>(EngineRows.weir(weir, List.of(), query));
        Collections.sort(expected);
        Collections.sort(actual);
        assertThat(expected).as("Flink's rows").isNotEmpty().noneMatch(r -> r.startsWith("FLINK FAILED"));
        assertThat(actual).as(query).isEqualTo(expected);
    }

    private int sinks;

    /** Writes {@code query} into a json table of {@code columns} with extra {@code options} on each engine; same lines. */
    private void assertSameLines(String columns, String options, String query) throws Exception {
        String name = "sink" + (++sinks);
        Path flinkDir = Files.createDirectories(dir.resolve(name + "-flink"));
        Path weirDir = Files.createDirectories(dir.resolve(name + "-weir"));
        String ddl = "CREATE TABLE " + name + " " + columns + " WITH ('connector' = 'filesystem', 'path' = '%s', 'format' = 'json'"
                + options + ")";
        flink.executeSql(String.format(ddl, flinkDir));
        weir.executeSql(String.format(ddl, weirDir));
        flink.executeSql("INSERT INTO " + name + " " + query).await();
        weir.executeSql("INSERT INTO " + name + " " + query).await();
        List<String> expected = lines(flinkDir);
        List<String> actual = lines(weirDir);
        System.out.println(name + " Flink:\n" + String.join("\n", expected));
        assertThat(expected).as("Flink's lines").isNotEmpty();
        assertThat(actual).as(query).isEqualTo(expected);
    }

    /** The lines of every visible file under {@code dir}, sorted. */
    private static List<String> lines(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !f.getFileName().toString().startsWith("_")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        Collections.sort(lines);
        return lines;
    }
}
