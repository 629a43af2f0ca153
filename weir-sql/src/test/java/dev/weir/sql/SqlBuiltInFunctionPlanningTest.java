package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in functions as Flink 2.3 plans them: the current-time functions' types, UUID() as a call (in any case),
 * and the planning-time refusal, at the call's line and column, of what Weir (or Flink) does not run.
 */
class SqlBuiltInFunctionPlanningTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        Path in = csv(dir, "docs", "1|\"{\"\"a\"\":1}\"", "2|NULL");
        env.executeSql("CREATE TABLE docs (id INT, j STRING) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'csv', 'csv.field-delimiter' = '|', 'csv.null-literal' = 'NULL')");
    }

    @Test
    void currentTimeFunctionsHaveFlinksTypes() throws Exception {
        env.executeSql("CREATE VIEW now_types AS SELECT CURRENT_TIMESTAMP AS ts, NOW() AS now_ts, LOCALTIMESTAMP AS local_ts, "
                + "CURRENT_TIME AS t, LOCALTIME AS local_t, CURRENT_DATE AS d, CURRENT_ROW_TIMESTAMP() AS row_ts FROM docs");
        List<String> described = rows(env, "DESCRIBE now_types");
        assertThat(described).hasSize(7);
        assertThat(described.get(0)).startsWith("+I[ts, TIMESTAMP_LTZ(3), false");
        assertThat(described.get(1)).startsWith("+I[now_ts, TIMESTAMP_LTZ(3), false");
        assertThat(described.get(2)).startsWith("+I[local_ts, TIMESTAMP(3), false");
        assertThat(described.get(3)).startsWith("+I[t, TIME(0), false");
        assertThat(described.get(4)).startsWith("+I[local_t, TIME(0), false");
        assertThat(described.get(5)).startsWith("+I[d, DATE, false");
        assertThat(described.get(6)).startsWith("+I[row_ts, TIMESTAMP_LTZ(3), false");
    }

    @Test
    void uuidIsAFunctionCallInAnyCaseAndNewForEveryRow() throws Exception {
        List<String> uuids = rows(env, "SELECT UUID() FROM docs UNION ALL SELECT uuid() FROM docs");
        assertThat(uuids).hasSize(4).doesNotHaveDuplicates()
                .allMatch(r -> r.matches("\\+I\\[[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}]"));
    }

    @Test
    void jsonValueAndJsonObjectRunOnTheDocuments() throws Exception {
        assertThat(rows(env, "SELECT id, JSON_VALUE(j, '$.a' RETURNING INT), JSON_OBJECT('j' VALUE j, 'o' VALUE JSON_OBJECT("
                + "'id' VALUE id) ABSENT ON NULL) FROM docs"))
                .containsExactlyInAnyOrder("+I[1, 1, {\"j\":\"{\\\"a\\\":1}\",\"o\":{\"id\":1}}]", "+I[2, null, {\"o\":{\"id\":2}}]");
    }

    @Test
    void jsonQueryReturningAnArrayOfStringsGivesTheFoundArraysElements() throws Exception {
        Path in = csv(dir, "arrays", "1|\"{\"\"a\"\":[\"\"x\"\",\"\"y\"\"]}\"", "2|\"{\"\"a\"\":1}\"");
        env.executeSql("CREATE TABLE arrays (id INT, j STRING) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'csv', 'csv.field-delimiter' = '|')");
        // A scalar is no JSON_QUERY result: an error, NULL ON ERROR by default.
        assertThat(rows(env, "SELECT id, JSON_QUERY(j, '$.a' RETURNING ARRAY<STRING>) FROM arrays"))
                .containsExactlyInAnyOrder("+I[1, [x, y]]", "+I[2, null]");
    }

    @Test
    void aFunctionWeirLacksIsRefusedAtItsCall() {
        assertThatThrownBy(() -> env.executeSql("SELECT id,\n  CBRT(id) FROM docs")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 2, column 3").hasMessageContaining("CBRT");
    }

    @Test
    void jsonValueReturningATypeFlinkRefusesIsRefusedAtItsCall() {
        assertThatThrownBy(() -> env.executeSql("SELECT id,\n  JSON_VALUE(j, '$.a' RETURNING DATE) FROM docs"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("At line 2, column 3: Weir SQL does not support JSON_VALUE ... RETURNING DATE, nor does "
                        + "Flink: JSON_VALUE returns STRING, BOOLEAN, INT or DOUBLE");
    }

    @Test
    void jsonObjectOfADateIsRefusedAtItsCall() {
        assertThatThrownBy(() -> env.executeSql("SELECT id,\n  JSON_OBJECT('d' VALUE CURRENT_DATE) FROM docs"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("At line 2, column 3: Weir SQL does not support JSON_OBJECT of a DATE value, nor does Flink");
    }
}
