package dev.weir.sqlcompat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's collection, bytes and JSON aggregate functions: arrays and maps built from a table of
 * comma-separated texts and numbers with NULLs, empty texts (so empty arrays and maps), duplicates and NULL elements.
 */
final class CollectionFunctionCases {
    private CollectionFunctionCases() {
    }

    /** The table the queries read, written under {@code dir}. */
    static List<String> tables(Path dir) throws Exception {
        Path lists = Files.write(dir.resolve("fn_lists.csv"), List.of(
                "1|a,b,c|3|k1=v1,k2=v2", "2||0|", "3|NULL|NULL|NULL", "4|b,a,b|-2|a=1", "5|c,a,b,a|10|x=1,y,z=3",
                "6|x|1|p=;q=2"));
        return List.of("CREATE TABLE fn_lists (id INT, s STRING, n INT, k STRING) WITH ('connector' = 'filesystem', "
                + "'path' = '" + lists + "', 'format' = 'csv', 'csv.field-delimiter' = '|', 'csv.null-literal' = 'NULL')",
                // The collection functions' types, as DESCRIBE shows them.
                "CREATE VIEW fn_collection_types AS SELECT ARRAY[n, id] AS a, MAP[s, n] AS m, CARDINALITY(ARRAY[n]) AS c, "
                + "ARRAY[n, id][1] AS i, MAP[s, n][s] AS v, ARRAY_CONTAINS(ARRAY[n], 1) AS ac, ARRAY_POSITION(ARRAY[n], 1) AS ap, "
                + "ARRAY_MAX(ARRAY[n, id]) AS amax, ARRAY_JOIN(SPLIT(s, ','), '-') AS aj, MAP_KEYS(MAP[s, n]) AS mk, "
                + "MAP_ENTRIES(MAP[s, n]) AS me, STR_TO_MAP(k) AS sm, ELEMENT(ARRAY[id]) AS e, ARRAY_APPEND(ARRAY[id], n) AS aa, "
                + "ARRAY_SLICE(ARRAY[id], 1) AS sl, ARRAY_REVERSE(SPLIT(s, ',')) AS ar FROM fn_lists");
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("collConstructorsAndAccess", "SELECT id, ARRAY[n, id], ARRAY[s, 'z'], ARRAY[n, CAST(NULL AS INT)], "
                + "MAP['k', id, 'j', n], CARDINALITY(SPLIT(s, ',')), CARDINALITY(MAP['k', id, 'j', n]), ARRAY[n, id][1], "
                + "ARRAY[n, id][3], MAP['k', id]['k'], MAP['k', id]['z'], SPLIT(s, ',')[2], ELEMENT(ARRAY[n]) FROM fn_lists"));
        q.add(new SqlCases.Query("collElementOfEmptyAndNull", "SELECT id, ELEMENT(SPLIT(s, ';')), MAP[s, n], "
                + "CARDINALITY(ARRAY[s, s]) FROM fn_lists WHERE id <> 5 AND id <> 1"));
        q.add(new SqlCases.Query("collAppendPrependContainsPosition", "SELECT id, ARRAY_APPEND(SPLIT(s, ','), 'z'), "
                + "ARRAY_PREPEND(SPLIT(s, ','), 'z'), ARRAY_APPEND(ARRAY[n], CAST(NULL AS INT)), ARRAY_CONTAINS(SPLIT(s, ','), 'a'), "
                + "ARRAY_CONTAINS(ARRAY[n, CAST(NULL AS INT)], CAST(NULL AS INT)), ARRAY_CONTAINS(ARRAY[n, id], 3), "
                + "ARRAY_POSITION(SPLIT(s, ','), 'b'), ARRAY_POSITION(ARRAY[n, id], 3), ARRAY_POSITION(ARRAY[n, id], CAST(NULL AS INT)) "
                + "FROM fn_lists"));
        q.add(new SqlCases.Query("collDistinctRemoveReverseSlice", "SELECT id, ARRAY_DISTINCT(SPLIT(s, ',')), "
                + "ARRAY_DISTINCT(ARRAY[n, CAST(NULL AS INT), n, CAST(NULL AS INT)]), ARRAY_REMOVE(SPLIT(s, ','), 'a'), "
                + "ARRAY_REMOVE(ARRAY[n, CAST(NULL AS INT)], CAST(NULL AS INT)), ARRAY_REVERSE(SPLIT(s, ',')), "
                + "ARRAY_SLICE(SPLIT(s, ','), 2), ARRAY_SLICE(SPLIT(s, ','), -2, -1), ARRAY_SLICE(SPLIT(s, ','), 0, 2), "
                + "ARRAY_SLICE(SPLIT(s, ','), 3, 1), ARRAY_SLICE(SPLIT(s, ','), 2, 9) FROM fn_lists"));
        q.add(new SqlCases.Query("collSortMaxMinJoin", "SELECT id, ARRAY_SORT(SPLIT(s, ',')), ARRAY_SORT(ARRAY[n, id, CAST(NULL AS INT)]), "
                + "ARRAY_SORT(ARRAY[n, id, CAST(NULL AS INT)], FALSE), ARRAY_SORT(ARRAY[n, id, CAST(NULL AS INT)], TRUE, FALSE), "
                + "ARRAY_SORT(ARRAY[n, id, CAST(NULL AS INT)], FALSE, TRUE), ARRAY_MAX(ARRAY[n, id, CAST(NULL AS INT)]), "
                + "ARRAY_MIN(SPLIT(s, ',')), ARRAY_MAX(SPLIT(s, ',')), ARRAY_JOIN(SPLIT(s, ','), '+'), "
                + "ARRAY_JOIN(ARRAY[s, CAST(NULL AS STRING), 'e'], '-', '?'), ARRAY_JOIN(ARRAY[s, CAST(NULL AS STRING)], '-') FROM fn_lists"));
        q.add(new SqlCases.Query("collSetOperations", "SELECT id, ARRAY_UNION(SPLIT(s, ','), ARRAY['a', 'q']), "
                + "ARRAY_CONCAT(SPLIT(s, ','), ARRAY['q'], SPLIT(s, ',')), ARRAY_EXCEPT(SPLIT(s, ','), ARRAY['a']), "
                + "ARRAY_INTERSECT(SPLIT(s, ','), ARRAY['a', 'b', 'b']), ARRAY_UNION(ARRAY[n, CAST(NULL AS INT)], ARRAY[id, id]), "
                + "ARRAY_EXCEPT(ARRAY[n, id, n], ARRAY[CAST(NULL AS INT)]) FROM fn_lists"));
        q.add(new SqlCases.Query("collMapFunctions", "SELECT id, MAP_KEYS(MAP['b', n, 'a', id]), MAP_VALUES(MAP['b', n, 'a', id]), "
                + "MAP_ENTRIES(MAP['b', n, 'a', id]), MAP_FROM_ARRAYS(ARRAY['x', 'y'], ARRAY[n, id]), "
                + "MAP_UNION(MAP['a', id, 'b', id], MAP['a', n]), CARDINALITY(STR_TO_MAP(k)), STR_TO_MAP(k)['k1'], "
                + "STR_TO_MAP(k)['y'], STR_TO_MAP(k, ';', '=')['q'], STR_TO_MAP(k)['p'] FROM fn_lists"));
        q.add(new SqlCases.Query("collStrToMapPrinted", "SELECT id, STR_TO_MAP(k), STR_TO_MAP(k, ',', '=') FROM fn_lists "
                + "WHERE id IN (2, 3, 4)"));
        q.add(new SqlCases.Query("collFunctionTypes", "DESCRIBE fn_collection_types"));
        q.add(new SqlCases.Query("bytesUnhexEncodeDecode", "SELECT id, UNHEX(HEX(s)), DECODE(ENCODE(s, 'UTF-8'), 'UTF-8'), "
                + "ENCODE(s, 'UTF-16BE'), DECODE(UNHEX('C3BC'), 'UTF-8'), UNHEX('4G'), CHAR_LENGTH(DECODE(ENCODE(s, 'ISO-8859-1'), "
                + "'ISO-8859-1')) FROM fn_lists"));
        q.add(new SqlCases.Query("bytesUnhexOfOddAndEmptyText", "SELECT id, UNHEX('ABC'), UNHEX(''), UNHEX(k) FROM fn_lists "
                + "WHERE id IN (2, 3)"));
        q.add(new SqlCases.Query("jsonObjectAggPerGroup", "SELECT n > 0, JSON_OBJECTAGG(KEY CAST(id AS STRING) VALUE s) "
                + "FROM fn_lists GROUP BY n > 0", true, true));
        q.add(new SqlCases.Query("jsonArrayAggNullClauses", "SELECT n > 0, JSON_ARRAYAGG(s), JSON_ARRAYAGG(s NULL ON NULL), "
                + "JSON_OBJECTAGG(KEY CAST(id AS STRING) VALUE s ABSENT ON NULL) FROM fn_lists GROUP BY n > 0", true, true));
        // Keys in another order than they arrive in; an updating input, whose retracted rows leave the array.
        q.add(new SqlCases.Query("jsonObjectAggKeyOrder", "SELECT JSON_OBJECTAGG(KEY s VALUE id), JSON_ARRAYAGG(id) FROM fn_lists "
                + "WHERE s IS NOT NULL", true, true));
        q.add(new SqlCases.Query("jsonArrayAggOfAnUpdatingInput", "SELECT JSON_ARRAYAGG(c), JSON_OBJECTAGG(KEY CAST(p AS STRING) "
                + "VALUE c) FROM (SELECT n > 0 AS p, COUNT(*) AS c FROM fn_lists WHERE n IS NOT NULL GROUP BY n > 0)", true, true));
        // A wider element widens the others (Flink's [1.0, 2.5], not [1, 2.5]). ARRAY[ARRAY[n], ARRAY[2.5]] is left out:
        // Flink 2.3's planner fails its own type assertion on it ("failed to preserve datatypes") with assertions on.
        q.add(new SqlCases.Query("collElementsWidenToTheResultsType", "SELECT id, ARRAY_APPEND(ARRAY[CAST(n AS DOUBLE)], id), "
                + "ARRAY_PREPEND(ARRAY[CAST(n AS BIGINT)], id), ARRAY[n, 0.5], MAP['a', n, 'b', 2.5] FROM fn_lists"));
        // Times inside collections are Java times for users, as at the top level.
        q.add(new SqlCases.Query("collNestedTimestampsAndDates", "SELECT item, ARRAY[bidtime], MAP['k', bidtime], "
                + "ARRAY[CAST(bidtime AS DATE)] FROM bids"));
        q.add(new SqlCases.Query("jsonAggregatesOfJsonConstructors", "SELECT n > 0, JSON_ARRAYAGG(JSON_OBJECT('i' VALUE id)), "
                + "JSON_OBJECTAGG(KEY CAST(id AS STRING) VALUE JSON_ARRAY(id, s)) FROM fn_lists GROUP BY n > 0", true, true));
        q.add(new SqlCases.Query("jsonConstructorOfAProjectedConstructor", "SELECT id, JSON_OBJECT('k' VALUE o), JSON_ARRAY(o) "
                + "FROM (SELECT id, JSON_OBJECT('a' VALUE id) AS o FROM fn_lists)"));
        // LISTAGG skips NULLs and joins with ',' by default; ARRAY_AGG keeps NULLs; both in arrival order.
        q.add(new SqlCases.Query("listAggAndArrayAggPerGroup", "SELECT name, LISTAGG(CAST(id AS STRING)), "
                + "LISTAGG(CAST(id AS STRING), '|'), ARRAY_AGG(age), ARRAY_AGG(DISTINCT age) FROM people GROUP BY name", true));
        return q;
    }
}
