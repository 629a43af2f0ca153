package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.functions.ScalarFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SHOW FUNCTIONS lists the built-in and the user functions, SHOW USER FUNCTIONS only the user's, as in Flink. */
class SqlShowFunctionsTest {
    /** A user function for the listing. */
    public static class Twice extends ScalarFunction {
        public long eval(long x) {
            return 2 * x;
        }
    }

    private static TableEnvironment withUserFunctions() {
        TableEnvironment env = SqlTestSupport.env();
        env.createTemporarySystemFunction("twice", Twice.class);
        env.executeSql("CREATE TEMPORARY SYSTEM FUNCTION myTwice AS '" + Twice.class.getName() + "'");
        return env;
    }

    @Test
    void showFunctionsListsTheBuiltInsWithFlinksNamesAndTheUserFunctionsInOneSortedList() throws Exception {
        List<String> rows = rows(withUserFunctions(), "SHOW FUNCTIONS");
        assertThat(rows).contains("+I[COALESCE]", "+I[CURRENT_WATERMARK]", "+I[TO_TIMESTAMP_LTZ]", "+I[abs]", "+I[count]",
                "+I[dateFormat]", "+I[first_value]", "+I[proctime]", "+I[upper]", "+I[mytwice]", "+I[twice]");
        List<String> names = rows.stream().map(r -> r.substring("+I[".length(), r.length() - 1)).toList();
        assertThat(names).hasSize(BuiltInFunctions.NAMES.size() + 2).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void showUserFunctionsListsOnlyTheUserFunctionsByTheirLowerCaseNames() throws Exception {
        assertThat(rows(withUserFunctions(), "SHOW USER FUNCTIONS")).containsExactly("+I[mytwice]", "+I[twice]");
    }

    @Test
    void withoutUserFunctionsShowFunctionsStillListsTheBuiltIns() throws Exception {
        assertThat(rows(SqlTestSupport.env(), "SHOW FUNCTIONS")).hasSize(BuiltInFunctions.NAMES.size())
                .startsWith("+I[ARRAY_AGG]", "+I[ARRAY_APPEND]", "+I[ARRAY_CONCAT]", "+I[ARRAY_CONTAINS]", "+I[ARRAY_DISTINCT]", "+I[ARRAY_EXCEPT]",
                        "+I[ARRAY_INTERSECT]", "+I[ARRAY_JOIN]", "+I[ARRAY_MAX]", "+I[ARRAY_MIN]", "+I[ARRAY_POSITION]",
                        "+I[ARRAY_PREPEND]", "+I[ARRAY_REMOVE]", "+I[ARRAY_REVERSE]", "+I[ARRAY_SLICE]", "+I[ARRAY_SORT]",
                        "+I[ARRAY_UNION]",
                        "+I[BITMAP_AND]", "+I[BITMAP_ANDNOT]", "+I[BITMAP_AND_AGG]", "+I[BITMAP_AND_CARDINALITY_AGG]", "+I[BITMAP_BUILD]", "+I[BITMAP_BUILD_AGG]", "+I[BITMAP_BUILD_CARDINALITY_AGG]", "+I[BITMAP_CARDINALITY]", "+I[BITMAP_FROM_BYTES]", "+I[BITMAP_OR]", "+I[BITMAP_OR_AGG]", "+I[BITMAP_OR_CARDINALITY_AGG]", "+I[BITMAP_TO_ARRAY]", "+I[BITMAP_TO_BYTES]", "+I[BITMAP_TO_STRING]", "+I[BITMAP_XOR]", "+I[BITMAP_XOR_AGG]", "+I[BITMAP_XOR_CARDINALITY_AGG]", "+I[BTRIM]", "+I[COALESCE]", "+I[CURRENT_WATERMARK]", "+I[ELT]", "+I[ENDSWITH]",
                        "+I[FROM_CHANGELOG]",
                        "+I[GREATEST]", "+I[IFNULL]", "+I[INET_ATON]", "+I[INET_NTOA]", "+I[IS_JSON]", "+I[JSON]", "+I[JSON_ARRAY]", "+I[JSON_ARRAYAGG_ABSENT_ON_NULL]",
                        "+I[JSON_ARRAYAGG_NULL_ON_NULL]", "+I[JSON_EXISTS]", "+I[JSON_OBJECT]", "+I[JSON_OBJECTAGG_ABSENT_ON_NULL]",
                        "+I[JSON_OBJECTAGG_NULL_ON_NULL]", "+I[JSON_QUERY]", "+I[JSON_QUOTE]", "+I[JSON_STRING]", "+I[JSON_UNQUOTE]",
                        "+I[JSON_VALUE]", "+I[LEAST]",
                        "+I[LIKE]", "+I[MAP_ENTRIES]", "+I[MAP_FROM_ARRAYS]", "+I[MAP_KEYS]", "+I[MAP_UNION]", "+I[MAP_VALUES]",
                        "+I[PERCENTILE]", "+I[PRINTF]", "+I[REGEXP_COUNT]", "+I[REGEXP_EXTRACT_ALL]", "+I[REGEXP_INSTR]", "+I[REGEXP_SUBSTR]",
                        "+I[SOURCE_WATERMARK]", "+I[SPLIT]", "+I[STARTSWITH]", "+I[TO_CHANGELOG]", "+I[TO_TIMESTAMP_LTZ]",
                        "+I[TRANSLATE3]", "+I[TRY_CAST]", "+I[TYPEOF]", "+I[UNHEX]", "+I[URL_DECODE]", "+I[URL_ENCODE]", "+I[abs]");
        assertThat(rows(SqlTestSupport.env(), "SHOW USER FUNCTIONS")).isEmpty();
    }
}
