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
 * STDDEV_POP, STDDEV_SAMP, VAR_POP and VAR_SAMP run in GROUP BY aggregates of insert-only input (their rows against
 * Flink 2.3's are in weir-sql-compat's StatisticAggregateCases); over an updating input and in window aggregates,
 * where Weir's results still differ from Flink's, they are refused while planning.
 */
class SqlStatisticAggregatesTest {
    @TempDir
    Path dir;

    @Test
    void aGroupOfOneRowHasANullSampleVarianceAndAZeroPopulationVariance() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        assertThat(rows(env, "SELECT u, STDDEV_POP(n), VAR_SAMP(n), VAR_POP(CAST(n AS DOUBLE)) FROM clicks WHERE u = 'b' AND n = 5 "
                + "GROUP BY u")).containsExactly("+I[b, 0, null, 0.0]");
    }

    @Test
    void aWindowAggregateRefusesThemWhilePlanning() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT window_start, STDDEV_POP(n) FROM TABLE(TUMBLE(TABLE clicks, "
                + "DESCRIPTOR(ts), INTERVAL '5' MINUTES)) GROUP BY window_start, window_end"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessageContaining("STDDEV_POP in a window aggregate");
    }

    @Test
    void anUpdatingInputRefusesThemWhilePlanning() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT VAR_SAMP(c) FROM (SELECT u, COUNT(*) AS c FROM clicks "
                + "GROUP BY u)"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessageContaining("VAR_SAMP over an updating input");
    }
}
