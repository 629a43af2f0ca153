package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.materialized;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink 2.3's BITMAP functions give Flink's rows (each expected row here is Flink 2.3's, probed; weir-sql-compat's
 * SqlDifferentialTest compares them with Flink in the build): a bitmap orders its values as unsigned and prints as
 * {@code {1,2,4294967295}}, its bytes are Roaring's portable serialization, and a bad argument is refused while planning.
 */
class SqlBitmapFunctionTest {
    @TempDir
    Path dir;

    @Test
    void aBitmapOrdersItsValuesAsUnsignedAndPrintsInBraces() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        assertThat(rows(env, "SELECT TYPEOF(BITMAP_BUILD(ARRAY[1,2,3])), BITMAP_BUILD(ARRAY[1,2,3]), "
                + "BITMAP_TO_STRING(BITMAP_BUILD(ARRAY[3,1,2,-1,-2147483648])), BITMAP_TO_ARRAY(BITMAP_BUILD(ARRAY[3,1,-1])), "
                + "TYPEOF(BITMAP_TO_ARRAY(BITMAP_BUILD(ARRAY[3,1,-1]))), BITMAP_CARDINALITY(BITMAP_BUILD(ARRAY[1,2,2])), "
                + "TYPEOF(BITMAP_CARDINALITY(BITMAP_BUILD(ARRAY[1,2,2]))) FROM clicks WHERE n = 5"))
                .containsExactly("+I[BITMAP NOT NULL, {1,2,3}, {1,2,3,2147483648,4294967295}, [1, 3, -1], ARRAY<INT> NOT NULL, "
                        + "2, BIGINT NOT NULL]");
    }

    @Test
    void theSetOperationsCombineTwoBitmaps() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        assertThat(rows(env, "SELECT BITMAP_TO_STRING(BITMAP_AND(BITMAP_BUILD(ARRAY[1,2,3]), BITMAP_BUILD(ARRAY[2,3,4]))), "
                + "BITMAP_TO_STRING(BITMAP_OR(BITMAP_BUILD(ARRAY[1,2,3]), BITMAP_BUILD(ARRAY[2,3,4]))), "
                + "BITMAP_TO_STRING(BITMAP_XOR(BITMAP_BUILD(ARRAY[1,2,3]), BITMAP_BUILD(ARRAY[2,3,4]))), "
                + "BITMAP_TO_STRING(BITMAP_ANDNOT(BITMAP_BUILD(ARRAY[1,2,3]), BITMAP_BUILD(ARRAY[2,3,4]))) FROM clicks WHERE n = 5"))
                .containsExactly("+I[{2,3}, {1,2,3,4}, {1,4}, {1}]");
    }

    @Test
    void aBitmapsBytesReadBackToTheSameBitmap() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        assertThat(rows(env, "SELECT BITMAP_TO_STRING(BITMAP_FROM_BYTES(BITMAP_TO_BYTES(BITMAP_BUILD(ARRAY[1,2,3,100000,-1])))), "
                + "BITMAP_CARDINALITY(BITMAP_FROM_BYTES(BITMAP_TO_BYTES(BITMAP_BUILD(ARRAY[n, 7])))) FROM clicks WHERE n = 5"))
                .containsExactly("+I[{1,2,3,100000,4294967295}, 2]");
    }

    @Test
    void anArrayOfBigintsIsRefusedWithItsPlaceAndTheSignature() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT u,\n  BITMAP_BUILD(ARRAY[CAST(n AS BIGINT)]) FROM clicks"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("SQL validation failed. From line 2, column 3 to line 2, "
                + "column 40: Cannot apply 'BITMAP_BUILD' to arguments of type 'BITMAP_BUILD(<BIGINT ARRAY>)'. Supported form(s): "
                + "BITMAP_BUILD(ARRAY<INT>)");
    }

    @Test
    void theAggregatesBuildAndCountAGroupsBitmap() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        assertThat(materialized(env, "SELECT u, BITMAP_BUILD_AGG(n), BITMAP_BUILD_CARDINALITY_AGG(n), "
                + "BITMAP_TO_STRING(BITMAP_OR_AGG(BITMAP_BUILD(ARRAY[n]))), BITMAP_AND_CARDINALITY_AGG(BITMAP_BUILD(ARRAY[n, 1])), "
                + "BITMAP_XOR_AGG(BITMAP_BUILD(ARRAY[n, 1])) FROM clicks GROUP BY u"))
                .containsExactlyInAnyOrder("[a, {1,2,4,8}, 4, {1,2,4,8}, 1, {2,4,8}]", "[b, {1,5}, 2, {1,5}, 1, {5}]");
    }

    @Test
    void theAggregatesRunInTumblingWindows() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        assertThat(rows(env, "SELECT window_start, BITMAP_BUILD_AGG(n), BITMAP_BUILD_CARDINALITY_AGG(n) "
                + "FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' MINUTE)) GROUP BY window_start, window_end"))
                .containsExactlyInAnyOrder("+I[2020-01-01T10:00, {1,2,5}, 3]", "+I[2020-01-01T10:05, {1,4,8}, 3]");
    }

    @Test
    void anUpdatingInputIsRefusedWhilePlanning() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT c, BITMAP_BUILD_AGG(n) FROM "
                + "(SELECT n, COUNT(*) AS c FROM clicks GROUP BY n) GROUP BY c"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("BITMAP_BUILD_AGG over an updating input (one "
                + "that retracts rows, e.g. the result of another GROUP BY) is not supported by Weir SQL yet; aggregate an "
                + "insert-only input, e.g. the table itself or a window table function's rows");
    }
}
