package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * PARSE_JSON and TRY_PARSE_JSON, which give Flink 2.3's VARIANT type that Weir's rows do not carry yet, are refused
 * while planning with their place and the JSON functions to use instead, not as unknown functions.
 */
class SqlParseJsonRefusalTest {
    @Test
    void parseJsonIsRefusedWithItsPlaceAndTheJsonFunctionsToUseInstead() {
        TableEnvironment env = SqlTestSupport.env();
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT 1,\n  PARSE_JSON('{\"a\": 1}')"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("SQL validation failed. At line 2, column 3: "
                + "Weir SQL does not support the function PARSE_JSON yet: it gives a value of Flink 2.3's VARIANT type, which "
                + "Weir's rows, formats and state do not carry; read the JSON text with JSON_VALUE(s, '$.a' RETURNING INT), "
                + "JSON_QUERY(s, '$.a') or JSON_EXISTS(s, '$.a') instead, and test it with s IS JSON");
    }

    @Test
    void tryParseJsonIsRefusedTheSameWay() {
        TableEnvironment env = SqlTestSupport.env();
        assertThat(catchThrowable(() -> env.executeSql("SELECT TRY_PARSE_JSON('x')"))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("SQL validation failed. At line 1, column 8: Weir SQL does not support the function "
                        + "TRY_PARSE_JSON yet");
    }
}
