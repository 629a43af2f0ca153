package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The json format with ARRAY, MAP and ROW columns: reading, writing, Flink's json options, and the errors of records that
 * do not parse (the record, the field's path, the option that skips them). JsonFormatDifferentialTest in
 * weir-sql-compat compares the same with Flink 2.3.
 */
class SqlJsonNestedFormatTest {
    private static final String COLUMNS = "id INT, r ROW<a INT, b ROW<c STRING>>, arr ARRAY<INT>, rs ARRAY<ROW<k STRING>>, "
            + "m MAP<STRING, INT>";

    @TempDir
    Path dir;

    private TableEnvironment table(String name, String options, String... lines) throws Exception {
        Path file = Files.write(dir.resolve(name + ".json"), List.of(lines));
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE " + name + " (" + COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '" + file
                + "', 'format' = 'json'" + options + ")");
        return env;
    }

    @Test
    void nestedRowsArraysAndMapsReadWithTheirNulls() throws Exception {
        TableEnvironment env = table("t", "", "{\"id\":1,\"r\":{\"a\":1,\"b\":{\"c\":\"x\"}},\"arr\":[1,null],\"rs\":[{\"k\":\"p\"},null],"
                + "\"m\":{\"k\":2,\"n\":null}}", "{\"id\":2,\"r\":{\"b\":null},\"arr\":[],\"rs\":[],\"m\":{}}", "{\"id\":3}");
        assertThat(rows(env, "SELECT * FROM t")).containsExactlyInAnyOrder("+I[1, +I[1, +I[x]], [1, null], [+I[p], null], {k=2, n=null}]",
                "+I[2, +I[null, null], [], [], {}]", "+I[3, null, null, null, null]");
        assertThat(rows(env, "SELECT id, r.a, r.b.c, arr[1], rs[1].k, m['k'], CARDINALITY(arr) FROM t")).containsExactlyInAnyOrder(
                "+I[1, 1, x, 1, p, 2, 2]", "+I[2, null, null, null, null, null, 0]", "+I[3, null, null, null, null, null, null]");
    }

    @Test
    void nestedColumnsAndConstructedRowsWriteAsJsonObjectsAndArrays() throws Exception {
        TableEnvironment env = table("t", "", "{\"id\":1,\"r\":{\"a\":1,\"b\":{\"c\":\"x\"}},\"arr\":[1,null],\"rs\":[{\"k\":\"p\"}],"
                + "\"m\":{\"k\":2}}", "{\"id\":2}");
        Path out = dir.resolve("out");
        env.executeSql("CREATE TABLE sink (" + COLUMNS + ", c ROW<x INT, y ARRAY<STRING>>) WITH ('connector' = 'filesystem', "
                + "'path' = '" + out + "', 'format' = 'json')");
        env.executeSql("INSERT INTO sink SELECT id, r, arr, rs, m, ROW(id, ARRAY['s']) FROM t").await();
        assertThat(lines(out)).containsExactly(
                "{\"id\":1,\"r\":{\"a\":1,\"b\":{\"c\":\"x\"}},\"arr\":[1,null],\"rs\":[{\"k\":\"p\"}],\"m\":{\"k\":2},"
                        + "\"c\":{\"x\":1,\"y\":[\"s\"]}}",
                "{\"id\":2,\"r\":null,\"arr\":null,\"rs\":null,\"m\":null,\"c\":{\"x\":2,\"y\":[\"s\"]}}");
    }

    @Test
    void aValueThatDoesNotParseFailsTheJobNamingTheRecordItsFileAndLineTheFieldPathAndTheOption() throws Exception {
        TableEnvironment env = table("t", "", "{\"id\":1,\"rs\":[{\"k\":\"p\"},{\"k\":[1]}],\"r\":{\"a\":\"one\"}}");
        assertThatThrownBy(() -> rows(env, "SELECT * FROM t")).hasStackTraceContaining("Failed to deserialize JSON "
                + "'{\"id\":1,\"rs\":[{\"k\":\"p\"},{\"k\":[1]}],\"r\":{\"a\":\"one\"}}' (file " + dir.resolve("t.json")
                + ", line 1): field 'r.a': For input string: \"one\"; fix the "
                + "record, or set 'json.ignore-parse-errors' = 'true' to read such values as NULL (and skip records that are not "
                + "JSON objects)");
        TableEnvironment arrays = table("u", "", "{\"id\":1,\"arr\":[1,\"x\"]}");
        assertThatThrownBy(() -> rows(arrays, "SELECT * FROM u")).hasStackTraceContaining("Failed to deserialize JSON "
                + "'{\"id\":1,\"arr\":[1,\"x\"]}' (file " + dir.resolve("u.json") + ", line 1): field 'arr[2]': For input string: \"x\"; fix the record");
    }

    @Test
    void aMissingFieldFailsOnlyWithFailOnMissingFieldNamingTheFieldAndTheOption() throws Exception {
        TableEnvironment env = table("t", ", 'json.fail-on-missing-field' = 'true'", "{\"id\":1,\"r\":{\"b\":null},\"arr\":[],\"rs\":[],"
                + "\"m\":{}}");
        assertThatThrownBy(() -> rows(env, "SELECT * FROM t")).hasStackTraceContaining("field 'r.a': the field is missing and "
                + "'json.fail-on-missing-field' is 'true'; add the field to the record, or set it to 'false' to read a missing "
                + "field as NULL");
    }

    @Test
    void failOnMissingFieldAndIgnoreParseErrorsTogetherAreRefusedWhenTheTableIsPlanned() throws Exception {
        TableEnvironment both = table("t", ", 'json.fail-on-missing-field' = 'true', 'json.ignore-parse-errors' = 'true'", "{}");
        assertThatThrownBy(() -> both.executeSql("SELECT * FROM t"))
                .isInstanceOf(ValidationException.class).hasMessage("fail-on-missing-field and ignore-parse-errors shouldn't both "
                        + "be true (table 't'): set 'json.fail-on-missing-field' = 'true' to fail on a missing field, or "
                        + "'json.ignore-parse-errors' = 'true' to skip records that do not parse, not both");
        TableEnvironment rfc = table("u", ", 'json.timestamp-format.standard' = 'RFC'", "{}");
        assertThatThrownBy(() -> rfc.executeSql("SELECT * FROM u"))
                .isInstanceOf(ValidationException.class).hasMessage("Unsupported value 'RFC' for option "
                        + "'json.timestamp-format.standard' of table 'u'. Supported values are [SQL, ISO-8601].");
    }

    @Test
    void aMapWithNonStringKeysIsRefusedWhilePlanningWithFlinksMessage() throws Exception {
        TableEnvironment env = table("t", "", "{\"id\":1}");
        env.executeSql("CREATE TABLE ik (m MAP<INT, STRING>) WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("ik")
                + "', 'format' = 'json')");
        assertThatThrownBy(() -> env.executeSql("INSERT INTO ik SELECT MAP[id, 'x'] FROM t")).isInstanceOf(ValidationException.class)
                .hasMessage("JSON format doesn't support non-string as key type of map. The type is: MAP<INT, STRING> (table 'ik'); "
                        + "declare the map MAP<STRING, ...>, as Flink's json format requires");
    }

    @Test
    void csvColumnsOfNestedTypesWeirCannotReadOrWriteAreRefusedWhilePlanning() throws Exception {
        Path file = Files.write(dir.resolve("c.csv"), List.of("1,a;b"));
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE c (id INT, tags ARRAY<STRING>) WITH ('connector' = 'filesystem', 'path' = '" + file
                + "', 'format' = 'csv')");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM c")).isInstanceOf(ValidationException.class).hasMessage(
                "Unsupported type 'ARRAY<STRING>' for field 'tags'. The csv format of table 'c' does not read this type in Weir "
                        + "yet; use 'format' = 'json', or read the column as STRING and parse it in the query (SPLIT, STR_TO_MAP, "
                        + "JSON_VALUE)");
        env.executeSql("CREATE TABLE rows_out (id INT, r ROW<a INT>) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("rows-out") + "', 'format' = 'csv')");
        assertThatThrownBy(() -> env.executeSql("INSERT INTO rows_out SELECT 1, ROW(2)")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Unsupported type 'ROW<`a` INT>' for field 'r'. The csv format of table 'rows_out' does "
                        + "not write this type in Weir yet; use 'format' = 'json', or write it as text");
    }

    private static List<String> lines(Path directory) throws Exception {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                all.addAll(Files.readAllLines(p));
            }
        }
        all.sort(null);
        return all;
    }
}
