package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TYPEOF(x [, force]) gives x's planned type as Flink 2.3 prints it (its rows against Flink's are in weir-sql-compat's
 * FunctionCases), and refuses a force that is no BOOLEAN literal while planning, with the place and Flink's signatures.
 */
class SqlTypeOfTest {
    private static final String SIGNATURES = "Supported form(s): TYPEOF(input <ANY>)\n"
            + "TYPEOF(input <ANY>, force_serializable [<BOOLEAN> & <LITERAL NOT NULL>])";

    @TempDir
    Path dir;

    @Test
    void theSummaryStringShortensStringAndTheForcedSerializableStringSpellsItOut() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        assertThat(rows(env, "SELECT TYPEOF(u), TYPEOF(u, TRUE), TYPEOF(u, FALSE), TYPEOF(1), TYPEOF(MAP['a', n]), "
                + "TYPEOF(TO_TIMESTAMP_LTZ(n, 3), TRUE), TYPEOF(ROW(n, 'x')) FROM clicks WHERE n = 5 AND u = 'b'"))
                .containsExactly("+I[STRING, VARCHAR(2147483647), STRING, INT NOT NULL, MAP<CHAR(1) NOT NULL, INT> NOT NULL, "
                        + "TIMESTAMP(3) WITH LOCAL TIME ZONE, ROW<`EXPR$0` INT, `EXPR$1` CHAR(1) NOT NULL> NOT NULL]");
    }

    @Test
    void aForceThatIsNoBooleanIsRefusedWithItsPlaceAndFlinksSignatures() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT u,\n  TYPEOF(n, 'yes') FROM clicks"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("SQL validation failed. From line 2, column 3 "
                + "to line 2, column 18: Cannot apply 'TYPEOF' to arguments of type 'TYPEOF(<INTEGER>, <CHAR(3)>)'. " + SIGNATURES);
    }

    @Test
    void aForceThatIsNoLiteralIsRefusedWithItsPlace() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT TYPEOF(u, n > 1) FROM clicks"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("SQL validation failed. From line 1, column 8 "
                + "to line 1, column 23: Argument to function 'TYPEOF' must be a literal");
    }
}
