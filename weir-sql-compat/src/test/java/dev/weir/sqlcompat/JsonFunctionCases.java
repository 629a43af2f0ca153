package dev.weir.sqlcompat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's JSON functions over a table of documents: objects, an array, a scalar, malformed text, an
 * empty string, NULL, multi-byte text and decimals written with trailing zeros. The CSV fields are quoted (RFC 4180,
 * doubled quotes inside), so that both engines read the documents' quotes as text.
 */
final class JsonFunctionCases {
    private JsonFunctionCases() {
    }

    /** The table the queries read, written under {@code dir}. */
    static List<String> tables(Path dir) throws Exception {
        String[] docs = {"{\"a\":{\"b\":[1,2.5,\"x\",true,null]},\"s\":\"ü\",\"n\":12345678901,\"f\":1.9,\"t\":true}",
            "{\"a\":1}", "bad", "", "[1,2,{\"a\":\"x\"}]", "\"str\"", "{\"a\":null,\"b\":[]}", null,
            "{\"k\":\"日本語\",\"e\":\"\",\"z\":0}", "{\"x\":2.50,\"y\":1e2,\"a\":-3}"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            lines.add((i + 1) + "|" + (docs[i] == null ? "NULL" : "\"" + docs[i].replace("\"", "\"\"") + "\""));
        }
        Path file = Files.write(dir.resolve("fn_json.csv"), lines);
        return List.of("CREATE TABLE fn_json (id INT, j STRING) WITH ('connector' = 'filesystem', 'path' = '" + file
                + "', 'format' = 'csv', 'csv.field-delimiter' = '|', 'csv.null-literal' = 'NULL')",
                // The JSON functions' types, as DESCRIBE shows them.
                "CREATE VIEW fn_json_types AS SELECT JSON_VALUE(j, '$.a') AS v, JSON_VALUE(j, '$.a' RETURNING INT) AS vi, "
                + "JSON_QUERY(j, '$.a') AS q, JSON_EXISTS(j, '$.a') AS e, JSON_STRING(id) AS s, JSON_OBJECT('a' VALUE id) AS o, "
                + "JSON_ARRAY(id) AS a FROM fn_json");
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("jsonValueWithPathsAndDefaults", "SELECT id, JSON_VALUE(j, '$.a.b[1]'), JSON_VALUE(j, '$.s'), "
                + "JSON_VALUE(j, '$.a'), JSON_VALUE(j, '$.a' DEFAULT 'd' ON ERROR), JSON_VALUE(j, 'lax $.zz' DEFAULT 'e' ON EMPTY), "
                + "JSON_VALUE(j, 'lax $.zz'), JSON_VALUE(j, '$[2].a'), JSON_VALUE(j, '$.n'), JSON_VALUE(j, '$.k'), JSON_VALUE(j, '$.e'), "
                + "JSON_VALUE(j, '$') FROM fn_json"));
        q.add(new SqlCases.Query("jsonValueOfNumbersAndBehaviours", "SELECT id, JSON_VALUE(j, '$.f'), JSON_VALUE(j, '$.t'), "
                + "JSON_VALUE(j, '$.x'), JSON_VALUE(j, '$.y'), JSON_VALUE(j, '$.zz' ERROR ON EMPTY), "
                + "JSON_VALUE(j, '$.a' NULL ON EMPTY DEFAULT 'q' ON ERROR), "
                + "JSON_VALUE(j, 'strict $.zz' DEFAULT 'e' ON EMPTY DEFAULT 'r' ON ERROR) FROM fn_json"));
        q.add(new SqlCases.Query("jsonValueReturningInt", "SELECT id, JSON_VALUE(j, '$.a' RETURNING INT), "
                + "JSON_VALUE(j, '$.s' RETURNING INT DEFAULT -1 ON ERROR) FROM fn_json WHERE id IN (2, 3, 7, 8, 10)"));
        q.add(new SqlCases.Query("jsonValueReturningBooleanAndDouble", "SELECT id, JSON_VALUE(j, '$.t' RETURNING BOOLEAN), "
                + "JSON_VALUE(j, '$.f' RETURNING DOUBLE), JSON_VALUE(j, '$.x' RETURNING DOUBLE) FROM fn_json"));
        q.add(new SqlCases.Query("jsonQueryWithWrappersAndBehaviours", "SELECT id, JSON_QUERY(j, '$.a'), JSON_QUERY(j, '$.a.b'), "
                + "JSON_QUERY(j, '$.a' WITH WRAPPER), JSON_QUERY(j, '$.a' WITH CONDITIONAL WRAPPER), "
                + "JSON_QUERY(j, 'lax $.zz' EMPTY ARRAY ON EMPTY), JSON_QUERY(j, 'lax $.zz' EMPTY OBJECT ON EMPTY), "
                + "JSON_QUERY(j, '$.a' EMPTY ARRAY ON ERROR), JSON_QUERY(j, '$.a' EMPTY OBJECT ON ERROR), JSON_QUERY(j, '$'), "
                + "JSON_QUERY(j, '$.s'), JSON_QUERY(j, '$.b') FROM fn_json"));
        q.add(new SqlCases.Query("jsonExistsStrictAndLax", "SELECT id, JSON_EXISTS(j, '$.a'), JSON_EXISTS(j, '$.zz'), "
                + "JSON_EXISTS(j, 'strict $.a.b[9]'), JSON_EXISTS(j, 'lax $.a.b[9]'), JSON_EXISTS(j, 'strict $.a.b[9]' TRUE ON ERROR), "
                + "JSON_EXISTS(j, 'strict $.a.b[9]' UNKNOWN ON ERROR), JSON_EXISTS(j, '$[0]'), JSON_EXISTS(j, 'lax $.k') FROM fn_json"));
        q.add(new SqlCases.Query("isJsonOfEveryKind", "SELECT id, j IS JSON, j IS JSON VALUE, j IS JSON SCALAR, j IS JSON ARRAY, "
                + "j IS JSON OBJECT, j IS NOT JSON, j IS NOT JSON OBJECT, j IS NOT JSON SCALAR FROM fn_json"));
        q.add(new SqlCases.Query("jsonStringOfEachType", "SELECT id, JSON_STRING(j), JSON_STRING(id), JSON_STRING(id > 3), "
                + "JSON_STRING(CAST(id AS DOUBLE) / 4), JSON_STRING(CAST(id AS DECIMAL(5, 2))) FROM fn_json"));
        q.add(new SqlCases.Query("jsonObjectNullClausesAndNesting", "SELECT id, JSON_OBJECT('j' VALUE j), "
                + "JSON_OBJECT('id' VALUE id, 'j' VALUE j ABSENT ON NULL), "
                + "JSON_OBJECT(KEY 'o' VALUE JSON_OBJECT('i' VALUE id), KEY 'a' VALUE JSON_ARRAY(id, j)), "
                + "JSON_OBJECT('d' VALUE CAST(id AS DOUBLE) / 4, 'b' VALUE id > 2, 'm' VALUE CAST(id AS DECIMAL(5, 2))), "
                + "JSON_OBJECT(), JSON_OBJECT(KEY 'k' VALUE 1, KEY 'k' VALUE id) FROM fn_json"));
        q.add(new SqlCases.Query("jsonArrayNullClausesAndNesting", "SELECT id, JSON_ARRAY(id, j), JSON_ARRAY(j NULL ON NULL), "
                + "JSON_ARRAY(JSON_ARRAY(id), JSON_OBJECT('k' VALUE j)), JSON_OBJECT('q' VALUE JSON_QUERY(j, '$.a')), "
                + "JSON_OBJECT('s' VALUE JSON_STRING(j)), JSON_ARRAY(CAST(id AS DOUBLE) / 4), JSON_ARRAY() FROM fn_json"));
        q.add(new SqlCases.Query("jsonQueryReturningArrayOfStrings", "SELECT id, JSON_QUERY(j, '$.a.b' RETURNING ARRAY<STRING>), "
                + "JSON_QUERY(j, 'lax $.zz' RETURNING ARRAY<STRING> EMPTY ARRAY ON EMPTY) FROM fn_json"));
        q.add(new SqlCases.Query("jsonFunctionTypes", "DESCRIBE fn_json_types"));
        q.add(new SqlCases.Query("jsonValueInAWhereClause", "SELECT id, JSON_VALUE(j, '$.k') FROM fn_json "
                + "WHERE j IS JSON OBJECT AND JSON_EXISTS(j, 'lax $.k')"));
        // Flink 2.x's JSON(s) (branch jf): the text inserted as JSON by JSON_OBJECT and JSON_ARRAY, NULL clauses, nesting.
        q.add(new SqlCases.Query("jsonTextInConstructorsWithNullClauses", "SELECT id, JSON_OBJECT('j' VALUE JSON(j)), "
                + "JSON_OBJECT('j' VALUE JSON(j) ABSENT ON NULL), JSON_ARRAY(JSON(j), j), JSON_ARRAY(JSON(j) NULL ON NULL), "
                + "JSON_OBJECT('o' VALUE JSON_ARRAY(JSON(j), id)) FROM fn_json WHERE id <> 3"));
        q.add(new SqlCases.Query("jsonTextLiteralsKeepTheirNumbersAndSortTheirKeys", "SELECT JSON_OBJECT('a' VALUE "
                + "JSON('{\"b\":{\"d\":1,\"c\":[{\"z\":1,\"y\":2}]},\"a\":1e2,\"x\":12.50}')), JSON_ARRAY(JSON(''), JSON('\"s\"'))"));
        return q;
    }
}
