package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integer arithmetic and comparisons, which Weir computes on primitive {@code long}s (no boxing per row): the
 * results are Java's (truncating division, a remainder with the dividend's sign, INT wrapping on overflow) whether the
 * divisor is a power of two (computed by shifts) or not, NULL propagates, and a column holding the value that stands
 * for NULL on the primitive path ({@code -9223372036854772783}) is still that number.
 */
class SqlIntegerArithmeticTest {
    private static final String UNBOXED_NULL = "-9223372036854772783";

    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void table() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path numbers = csv(dir, "numbers", "1,7,7", "2,-7,-7", "3,-9223372036854775808,-2147483648", "4,,",
                "5," + UNBOXED_NULL + ",0", "6,9223372036854775807,2147483647");
        env.executeSql("CREATE TABLE t (id INT, a BIGINT, i INT) WITH ('connector' = 'filesystem', 'path' = '" + numbers
                + "', 'format' = 'csv', 'csv.null-literal' = '')");
    }

    @Test
    void divisionAndRemainderByPowersOfTwoTruncateTowardZeroAsByOtherDivisors() throws Exception {
        assertThat(rows(env, "SELECT id, MOD(a, 2), a / 4, MOD(a, 8), a / 1024, MOD(a, 3), a / 3 FROM t"))
                .containsExactly("+I[1, 1, 1, 7, 0, 1, 2]", "+I[2, -1, -1, -7, 0, -1, -2]",
                        "+I[3, 0, -2305843009213693952, 0, -9007199254740992, -2, -3074457345618258602]",
                        "+I[4, null, null, null, null, null, null]",
                        "+I[5, -1, -2305843009213693195, -7, -9007199254740989, -1, -3074457345618257594]",
                        "+I[6, 1, 2305843009213693951, 7, 9007199254740991, 1, 3074457345618258602]");
    }

    @Test
    void aFilterOnARemainderKeepsOnlyRowsWhereItIsTrueAndDropsNull() throws Exception {
        assertThat(rows(env, "SELECT id FROM t WHERE MOD(a, 2) = 0")).containsExactly("+I[3]");
        assertThat(rows(env, "SELECT id FROM t WHERE MOD(a, 2) <> 0")).containsExactly("+I[1]", "+I[2]", "+I[5]", "+I[6]");
        assertThat(rows(env, "SELECT id, MOD(a, 2) = 0 FROM t WHERE id IN (1, 3, 4)"))
                .containsExactly("+I[1, false]", "+I[3, true]", "+I[4, null]");
    }

    @Test
    void bigintAndIntColumnsCompareByValue() throws Exception {
        assertThat(rows(env, "SELECT id FROM t WHERE a > i")).containsExactly("+I[6]");
        assertThat(rows(env, "SELECT id FROM t WHERE a <= i")).containsExactly("+I[1]", "+I[2]", "+I[3]", "+I[5]");
        assertThat(rows(env, "SELECT id FROM t WHERE i >= -7 AND a < 8")).containsExactly("+I[1]", "+I[2]", "+I[5]");
    }

    @Test
    void theValueStandingForNullOnThePrimitivePathIsStillANumber() throws Exception {
        assertThat(rows(env, "SELECT id, a + 0, a = " + UNBOXED_NULL + " FROM t WHERE a = " + UNBOXED_NULL))
                .containsExactly("+I[5, " + UNBOXED_NULL + ", true]");
        // MIN_VALUE - 1 wraps to MAX_VALUE, as Java's long arithmetic does.
        assertThat(rows(env, "SELECT id FROM t WHERE a - 1 < " + UNBOXED_NULL)).containsExactly("+I[5]");
    }

    @Test
    void intArithmeticWrapsOnOverflowInAFilterAsInAProjection() throws Exception {
        assertThat(rows(env, "SELECT id, i + 1, i * 2 FROM t WHERE id IN (3, 6)"))
                .containsExactly("+I[3, -2147483647, 0]", "+I[6, -2147483648, -2]");
        assertThat(rows(env, "SELECT id FROM t WHERE i + 1 < 0")).containsExactly("+I[2]", "+I[3]", "+I[6]");
    }
}
