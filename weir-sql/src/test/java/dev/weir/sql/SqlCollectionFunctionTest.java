package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.materialized;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink's ARRAY and MAP functions, STR_TO_MAP, the BYTES encodings and the JSON aggregates, with Flink 2.3's NULL
 * handling and printed forms (the same rows SqlDifferentialTest's coll*, bytes* and json*Agg* cases get from Flink).
 */
class SqlCollectionFunctionTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        Path in = csv(dir, "lists", "1|a,b,c|3|k1=v1,k2=v2", "2||0|", "3|NULL|NULL|NULL", "4|b,a,b|-2|a=1");
        env.executeSql("CREATE TABLE lists (id INT, s STRING, n INT, k STRING) WITH ('connector' = 'filesystem', 'path' = '"
                + in + "', 'format' = 'csv', 'csv.field-delimiter' = '|', 'csv.null-literal' = 'NULL')");
    }

    @Test
    void constructorsAndAccessPrintAsFlinkPrintsThem() throws Exception {
        assertThat(rows(env, "SELECT id, ARRAY[n, id], MAP['k', id, 'j', n], CARDINALITY(SPLIT(s, ',')), ARRAY[n, id][1], "
                + "ARRAY[n, id][3], MAP['k', id]['k'], MAP['k', id]['z'], ELEMENT(ARRAY[n]) FROM lists"))
                .containsExactlyInAnyOrder("+I[1, [3, 1], {j=3, k=1}, 3, 3, null, 1, null, 3]",
                        "+I[2, [0, 2], {j=0, k=2}, 0, 0, null, 2, null, 0]",
                        "+I[3, [null, 3], {j=null, k=3}, null, null, null, 3, null, null]",
                        "+I[4, [-2, 4], {j=-2, k=4}, 3, -2, null, 4, null, -2]");
    }

    @Test
    void arrayFunctionsFindNullElementsAndGiveNullForANullArray() throws Exception {
        assertThat(rows(env, "SELECT id, ARRAY_APPEND(SPLIT(s, ','), 'z'), ARRAY_CONTAINS(ARRAY[n, CAST(NULL AS INT)], "
                + "CAST(NULL AS INT)), ARRAY_POSITION(SPLIT(s, ','), 'b'), ARRAY_POSITION(ARRAY[n], CAST(NULL AS INT)), "
                + "ARRAY_DISTINCT(ARRAY[n, CAST(NULL AS INT), n, CAST(NULL AS INT)]), ARRAY_REMOVE(SPLIT(s, ','), 'b') FROM lists"))
                .containsExactlyInAnyOrder("+I[1, [a, b, c, z], true, 2, null, [3, null], [a, c]]",
                        "+I[2, [z], true, 0, null, [0, null], []]",
                        "+I[3, null, true, null, null, [null], null]",
                        "+I[4, [b, a, b, z], true, 1, null, [-2, null], [a]]");
    }

    @Test
    void sliceCountsNegativeOffsetsFromTheEndAndSortPutsNullsFirstWhenAscending() throws Exception {
        assertThat(rows(env, "SELECT id, ARRAY_SLICE(SPLIT(s, ','), -2, -1), ARRAY_SLICE(SPLIT(s, ','), 0, 2), "
                + "ARRAY_SLICE(SPLIT(s, ','), 3, 1), ARRAY_SORT(ARRAY[n, id, CAST(NULL AS INT)]), "
                + "ARRAY_SORT(ARRAY[n, id, CAST(NULL AS INT)], FALSE), ARRAY_MAX(ARRAY[n, id, CAST(NULL AS INT)]), "
                + "ARRAY_JOIN(ARRAY[s, CAST(NULL AS STRING), 'e'], '-', '?') FROM lists WHERE id IN (1, 3)"))
                .containsExactlyInAnyOrder("+I[1, [b, c], [a, b], [], [null, 1, 3], [3, 1, null], 3, a,b,c-?-e]",
                        "+I[3, null, null, null, [null, null, 3], [3, null, null], 3, ?-?-e]");
    }

    @Test
    void setOperationsKeepTheFirstArraysOrderWithoutRepeats() throws Exception {
        assertThat(rows(env, "SELECT id, ARRAY_UNION(SPLIT(s, ','), ARRAY['a', 'q']), ARRAY_EXCEPT(SPLIT(s, ','), ARRAY['a']), "
                + "ARRAY_INTERSECT(SPLIT(s, ','), ARRAY['a', 'b', 'b']), ARRAY_CONCAT(SPLIT(s, ','), ARRAY['q']) FROM lists "
                + "WHERE id = 4"))
                .containsExactly("+I[4, [b, a, q], [b], [b, a], [b, a, b, q]]");
    }

    @Test
    void mapFunctionsKeepTheMapsOrderAndALaterMapWins() throws Exception {
        assertThat(rows(env, "SELECT id, MAP_KEYS(MAP['b', n, 'a', id]), MAP_VALUES(MAP['b', n, 'a', id]), "
                + "MAP_ENTRIES(MAP['b', n, 'a', id]), MAP_UNION(MAP['a', id, 'b', id], MAP['a', n]), "
                + "MAP_FROM_ARRAYS(ARRAY['x', 'y'], ARRAY[n, id]) FROM lists WHERE id = 1"))
                .containsExactly("+I[1, [b, a], [3, 1], [+I[b, 3], +I[a, 1]], {a=3, b=1}, {x=3, y=1}]");
    }

    @Test
    void strToMapSplitsAtBothDelimitersAndMapsAPairWithoutOneToNull() throws Exception {
        assertThat(rows(env, "SELECT id, STR_TO_MAP(k), STR_TO_MAP(k, ',', '=')['k2'], STR_TO_MAP('a;b:1', ';', ':') FROM lists"))
                .containsExactlyInAnyOrder("+I[1, {k1=v1, k2=v2}, v2, {a=null, b=1}]", "+I[2, {}, null, {a=null, b=1}]",
                        "+I[3, null, null, {a=null, b=1}]", "+I[4, {a=1}, null, {a=null, b=1}]");
    }

    @Test
    void unhexEncodeAndDecodeGiveBytesAndText() throws Exception {
        assertThat(rows(env, "SELECT id, UNHEX(HEX(s)), DECODE(ENCODE(s, 'UTF-16BE'), 'UTF-16BE'), UNHEX('4G'), UNHEX('ABC') "
                + "FROM lists WHERE id IN (1, 3)"))
                .containsExactlyInAnyOrder("+I[1, [97, 44, 98, 44, 99], a,b,c, null, [0, -68]]",
                        "+I[3, null, null, null, [0, -68]]");
    }

    @Test
    void jsonAggregatesTakeRetractedRowsBackOut() throws Exception {
        // In one subtask, so that the counts' updates arrive in the file's order: +1 (true), +1 (false), -1 +2 (false).
        env.getConfig().set("parallelism.default", "1");
        assertThat(materialized(env, "SELECT JSON_ARRAYAGG(c), JSON_OBJECTAGG(KEY CAST(p AS STRING) VALUE c) FROM "
                + "(SELECT n > 0 AS p, COUNT(*) AS c FROM lists WHERE n IS NOT NULL GROUP BY n > 0)"))
                .containsExactly("[[1,2], {\"FALSE\":2,\"TRUE\":1}]");
    }

    @Test
    void jsonAggregatesWriteNullsOrLeaveThemOutAsTheirClauseSays() throws Exception {
        assertThat(materialized(env, "SELECT n > 0, JSON_ARRAYAGG(s), JSON_ARRAYAGG(s NULL ON NULL), "
                + "JSON_OBJECTAGG(KEY CAST(id AS STRING) VALUE s), JSON_OBJECTAGG(KEY CAST(id AS STRING) VALUE s ABSENT ON NULL) "
                + "FROM lists GROUP BY n > 0"))
                .containsExactlyInAnyOrder("[null, [], [null], {\"3\":null}, {}]",
                        "[false, [\"\",\"b,a,b\"], [\"\",\"b,a,b\"], {\"2\":\"\",\"4\":\"b,a,b\"}, {\"2\":\"\",\"4\":\"b,a,b\"}]",
                        "[true, [\"a,b,c\"], [\"a,b,c\"], {\"1\":\"a,b,c\"}, {\"1\":\"a,b,c\"}]");
    }

    @Test
    void jsonArrayAggWithOrderByIsRefusedWhilePlanning() {
        assertThatThrownBy(() -> env.executeSql("SELECT JSON_ARRAYAGG(s ORDER BY id) FROM lists"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("JSON_ARRAYAGG(... ORDER BY ...)");
    }

    @Test
    void arraysAndMapsInAJsonSinkAreJsonArraysAndObjectsAndInACsvSinkJoinedBySemicolons() throws Exception {
        Path json = dir.resolve("json-out");
        Path csvOut = dir.resolve("csv-out");
        env.executeSql("CREATE TABLE json_out (id INT, a ARRAY<STRING>, m MAP<STRING, INT>) WITH ('connector' = 'filesystem', "
                + "'path' = '" + json + "', 'format' = 'json')");
        env.executeSql("CREATE TABLE csv_out (id INT, a ARRAY<STRING>) WITH ('connector' = 'filesystem', 'path' = '" + csvOut
                + "', 'format' = 'csv')");
        env.executeSql("INSERT INTO json_out SELECT id, SPLIT(s, ','), MAP['n', n] FROM lists WHERE id IN (1, 4)").await();
        env.executeSql("INSERT INTO csv_out SELECT id, SPLIT(s, ',') FROM lists WHERE id IN (1, 4)").await();
        assertThat(lines(json)).containsExactlyInAnyOrder("{\"id\":1,\"a\":[\"a\",\"b\",\"c\"],\"m\":{\"n\":3}}",
                "{\"id\":4,\"a\":[\"b\",\"a\",\"b\"],\"m\":{\"n\":-2}}");
        assertThat(lines(csvOut)).containsExactlyInAnyOrder("1,a;b;c", "4,b;a;b");
    }

    @Test
    void timestampsDatesAndTimesNestedInArraysAndMapsAreJavaTimesAsAtTheTopLevel() throws Exception {
        Path in = csv(dir, "times", "1|2020-04-15 08:07:00.5");
        env.executeSql("CREATE TABLE times (id INT, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'csv', 'csv.field-delimiter' = '|')");
        try (var it = env.executeSql("SELECT ts, ARRAY[ts], MAP['k', ts], ARRAY[DATE '2020-01-02'], MAP[TIME '10:00:00', id], "
                + "ARRAY[ARRAY[ts]] FROM times").collect()) {
            dev.weir.types.Row row = it.next();
            assertThat(row.toString()).isEqualTo("+I[2020-04-15T08:07:00.500, [2020-04-15T08:07:00.500], "
                    + "{k=2020-04-15T08:07:00.500}, [2020-01-02], {10:00=1}, [[2020-04-15T08:07:00.500]]]");
            assertThat(((Object[]) row.getField(1))[0]).isInstanceOf(java.time.LocalDateTime.class);
            assertThat(((java.util.Map<?, ?>) row.getField(2)).get("k")).isInstanceOf(java.time.LocalDateTime.class);
            assertThat(((Object[]) row.getField(3))[0]).isInstanceOf(java.time.LocalDate.class);
            assertThat(((java.util.Map<?, ?>) row.getField(4)).keySet().iterator().next()).isInstanceOf(java.time.LocalTime.class);
        }
    }

    @Test
    void collectionsWidenTheirElementsToTheResultsElementType() throws Exception {
        assertThat(rows(env, "SELECT ARRAY_APPEND(ARRAY[CAST(n AS DOUBLE)], id), ARRAY_PREPEND(ARRAY[CAST(n AS BIGINT)], id), "
                + "ARRAY[ARRAY[n], ARRAY[2.5]], MAP['a', n, 'b', 2.5] FROM lists WHERE id = 1"))
                .containsExactly("+I[[3.0, 1.0], [1, 3], [[3.0], [2.5]], {a=3.0, b=2.5}]");
    }

    @Test
    void appendingAnElementWiderThanTheArraysIsRefusedAsFlinkRefusesIt() {
        // Flink 2.3: "Invalid function call: ARRAY_APPEND(ARRAY<INT NOT NULL> NOT NULL, DECIMAL(2, 1) NOT NULL)".
        assertThatThrownBy(() -> env.executeSql("SELECT ARRAY_APPEND(ARRAY[n], 2.5) FROM lists"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid function call:")
                .hasMessageContaining("ARRAY_APPEND(ARRAY<INT");
    }

    @Test
    void jsonAggregatesInsertTheJsonOfAJsonConstructorAsJson() throws Exception {
        // In one subtask, so that the array's values come in the file's order.
        env.getConfig().set("parallelism.default", "1");
        assertThat(materialized(env, "SELECT JSON_ARRAYAGG(JSON_OBJECT('i' VALUE id)), JSON_OBJECTAGG(KEY CAST(id AS STRING) "
                + "VALUE JSON_ARRAY(n)) FROM lists WHERE id < 3"))
                .containsExactly("[[{\"i\":1},{\"i\":2}], {\"1\":[3],\"2\":[0]}]");
    }

    @Test
    void aMapColumnInACsvSinkIsRefusedWhilePlanningAsFlinkRefusesIt() {
        env.executeSql("CREATE TABLE csv_map (id INT, m MAP<STRING, INT>) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("csv-map") + "', 'format' = 'csv')");
        // Flink 2.3: "Unsupported type 'MAP<STRING, INT>' for field 'm'."
        assertThatThrownBy(() -> env.executeSql("INSERT INTO csv_map SELECT id, MAP['n', n] FROM lists"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Unsupported type 'MAP<STRING, INT>' for field 'm'. The csv format of table ");
    }

    private static List<String> lines(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).collect(Collectors.toList());
        }
    }
}
