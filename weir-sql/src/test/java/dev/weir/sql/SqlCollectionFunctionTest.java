package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flink's ARRAY and MAP functions, STR_TO_MAP and the BYTES encodings, with Flink's NULL handling and printed forms. */
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
    void scratch() throws Exception {
        for (String q : new String[] {
            "SELECT id, ARRAY[n, id], ARRAY[s, 'z'], MAP['k', id, 'j', n], CARDINALITY(SPLIT(s, ',')), ARRAY[n, id][1], MAP['k', id]['k'], ELEMENT(ARRAY[n]) FROM lists",
            "SELECT id, ARRAY_APPEND(SPLIT(s, ','), 'z'), ARRAY_CONTAINS(ARRAY[n, id], 3), ARRAY_POSITION(SPLIT(s, ','), 'b'), ARRAY_SORT(ARRAY[n, id, CAST(NULL AS INT)]), ARRAY_SLICE(SPLIT(s, ','), -2, -1), ARRAY_JOIN(SPLIT(s, ','), '+') FROM lists",
            "SELECT id, MAP_KEYS(MAP['b', n, 'a', id]), MAP_ENTRIES(MAP['b', n, 'a', id]), STR_TO_MAP(k), MAP_UNION(MAP['a', id], MAP['a', n]) FROM lists",
            "SELECT id, UNHEX(HEX(s)), DECODE(ENCODE(s, 'UTF-8'), 'UTF-8'), UNHEX('4G') FROM lists"}) {
            System.out.println("SCRATCH " + q + "\n  " + String.join("\n  ", rows(env, q)));
        }
    }
}
