package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * Flink 2.x's JSON(s): inside JSON_OBJECT (as a VALUE) and JSON_ARRAY the text is inserted as JSON, not as a quoted
 * string, with its keys in order and its numbers as written; anywhere else it is refused while planning with its place
 * and Flink 2.3's message. The rows are those Flink 2.3 gives (recorded with the same queries).
 */
class SqlJsonTextFunctionTest {
    private static final String FLINK_REFUSAL = "The JSON() function is currently only supported inside JSON_ARRAY() or as the "
            + "VALUE param of JSON_OBJECT(). Example: JSON_OBJECT('a', JSON('{\"key\": \"value\"}')) or "
            + "JSON_ARRAY(JSON('{\"key\": \"value\"}')).";

    private final TableEnvironment env = SqlTestSupport.env();

    @Test
    void jsonTextIsInsertedAsJsonByJsonObjectAndJsonArray() throws Exception {
        assertThat(rows(env, "SELECT JSON_OBJECT('a' VALUE JSON('{\"b\":1}')), JSON_ARRAY(JSON('[1,2]'), JSON('{\"x\":null}')), "
                + "JSON_OBJECT('a' VALUE JSON_OBJECT('b' VALUE JSON('[1, {\"c\": true}]')))"))
                .containsExactly("+I[{\"a\":{\"b\":1}}, [[1,2],{\"x\":null}], {\"a\":{\"b\":[1,{\"c\":true}]}}]");
    }

    @Test
    void theTextsKeysAreWrittenInOrderAtEveryDepthAndItsNumbersAsWritten() throws Exception {
        assertThat(rows(env, "SELECT JSON_OBJECT('a' VALUE JSON('  {\"b\" :  1 , \"a\":2}  ')), JSON_OBJECT('a' VALUE JSON('12.50')), "
                + "JSON_OBJECT('a' VALUE JSON('{\"b\":{\"d\":1,\"c\":[{\"z\":1,\"y\":2}]},\"a\":1e2,"
                + "\"n\":123456789012345678901234567890}')), JSON_OBJECT('a' VALUE JSON('\"str\"'))"))
                .containsExactly("+I[{\"a\":{\"a\":2,\"b\":1}}, {\"a\":12.50}, {\"a\":{\"a\":1E+2,\"b\":{\"c\":[{\"y\":2,\"z\":1}],\"d\":1},"
                        + "\"n\":123456789012345678901234567890}}, {\"a\":\"str\"}]");
    }

    @Test
    void nullAndAnEmptyTextAreNullOrAbsentByTheNullClause() throws Exception {
        assertThat(rows(env, "SELECT JSON_OBJECT('a' VALUE JSON(CAST(NULL AS STRING))), "
                + "JSON_OBJECT('a' VALUE JSON(CAST(NULL AS STRING)) ABSENT ON NULL), JSON_ARRAY(JSON(CAST(NULL AS STRING)) NULL ON NULL), "
                + "JSON_ARRAY(JSON(CAST(NULL AS STRING))), JSON_OBJECT('a' VALUE JSON('')), "
                + "JSON_OBJECT('a' VALUE JSON(' ') ABSENT ON NULL), JSON_ARRAY(JSON(''), JSON('\"s\"'))"))
                .containsExactly("+I[{\"a\":null}, {}, [null], [], {\"a\":null}, {}, [\"s\"]]");
    }

    @Test
    void aColumnsTextIsInsertedAsJsonBesideTheSameTextAsAString() throws Exception {
        assertThat(rows(env, "SELECT JSON_ARRAY(JSON(x), x) FROM (VALUES ('{\"q\":1}'), ('[]'), (CAST(NULL AS STRING))) AS t(x)"))
                .containsExactlyInAnyOrder("+I[[{\"q\":1},\"{\\\"q\\\":1}\"]]", "+I[[[],\"[]\"]]", "+I[[]]");
    }

    @Test
    void textThatIsNoJsonFailsTheJobWithFlinksMessageAndTheFix() {
        assertThatThrownBy(() -> rows(env, "SELECT JSON_OBJECT('a' VALUE JSON(x)) FROM (VALUES ('{}'), ('bad')) AS t(x)"))
                .hasStackTraceContaining("Invalid JSON string in JSON(value) function: \"bad\". Error: Unrecognized token 'bad': "
                        + "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'); fix the text, or "
                        + "insert NULL where it is no JSON: JSON(CASE WHEN s IS JSON THEN s END)");
    }

    @Test
    void jsonOutsideAConstructorsValuesIsRefusedWithItsPlaceAndFlinksMessage() {
        assertThat(catchThrowable(() -> env.executeSql("SELECT 1,\n  JSON('{\"b\":1}')"))).isInstanceOf(ValidationException.class)
                .hasMessage("At line 2, column 3: " + FLINK_REFUSAL);
        assertThat(catchThrowable(() -> env.executeSql("SELECT UPPER(JSON('{}'))"))).hasMessage("At line 1, column 14: " + FLINK_REFUSAL);
        assertThat(catchThrowable(() -> env.executeSql("SELECT JSON_OBJECT(KEY JSON('{}') VALUE 1)")))
                .hasMessage("At line 1, column 24: " + FLINK_REFUSAL);
        assertThat(catchThrowable(() -> env.executeSql("SELECT JSON_ARRAYAGG(JSON('{}')) FROM (VALUES (1)) AS t(x)")))
                .hasMessage("At line 1, column 22: " + FLINK_REFUSAL);
        assertThat(catchThrowable(() -> env.executeSql("SELECT x FROM (VALUES (1)) AS t(x) WHERE JSON('{}') IS NOT NULL")))
                .hasMessage("At line 1, column 42: " + FLINK_REFUSAL);
    }
}
