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
 * LAG(value [, offset [, default]]) OVER an event-time window (its rows against Flink 2.3's are in weir-sql-compat's
 * OverCases); LEAD, which Flink refuses in streaming, a negative or non-INT offset and a default of another type are
 * refused while planning, with the place of the call.
 */
class SqlLagTest {
    @TempDir
    Path dir;

    @Test
    void lagGivesTheValueOffsetRowsBeforeOrTheDefault() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        assertThat(rows(env, "SELECT u, n, LAG(n) OVER w, LAG(n, 2, -1) OVER w, LAG(u, 1, u) OVER w FROM clicks "
                + "WINDOW w AS (PARTITION BY u ORDER BY ts)")).containsExactlyInAnyOrder(
                "+I[a, 1, null, -1, a]", "+I[a, 2, 1, -1, a]", "+I[a, 8, 2, 1, a]", "+I[a, 4, 8, 2, a]", "+I[b, 5, null, -1, b]",
                "+I[b, 1, 5, -1, b]");
    }

    @Test
    void leadIsRefusedWithFlinksReasonAndItsPlace() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT u,\n  LEAD(n) OVER (PARTITION BY u ORDER BY ts) FROM clicks"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("At line 2, column 3: LEAD Function is not "
                + "supported in stream mode (Weir SQL does not support the function LEAD on streaming tables, as Flink); read the "
                + "row before with LAG instead, e.g. LAG(x) OVER (PARTITION BY k ORDER BY rowtime)");
    }

    @Test
    void aNegativeOffsetIsRefusedWhileFlinkFailsTheRunningJob() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT u, LAG(n, -2) OVER (PARTITION BY u ORDER BY ts) FROM clicks"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("At line 1, column 11: Weir SQL does not support "
                + "LAG with a negative offset (-2; Flink fails the running job with 'Offset(-2) should be positive.'); write the "
                + "number of rows before the current one, e.g. LAG(x, 2)");
    }

    @Test
    void aDefaultOfAnotherTypeIsRefusedWithFlinksRequestForACast() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT u, LAG(u, 1, 0) OVER (PARTITION BY u ORDER BY ts) FROM clicks"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("At line 1, column 11: Weir SQL does not support "
                + "LAG with a default of another type than the value's (Please explicitly cast default value INT NOT NULL to "
                + "STRING.); cast the default, e.g. LAG(x, 1, CAST(0 AS STRING))");
    }
}
