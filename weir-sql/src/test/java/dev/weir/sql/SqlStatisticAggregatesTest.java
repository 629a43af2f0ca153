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
 * STDDEV_POP, STDDEV_SAMP, VAR_POP and VAR_SAMP run in GROUP BY aggregates of insert-only input and in window
 * aggregates (their rows against Flink 2.3's are in weir-sql-compat's StatisticAggregateCases); over an updating input,
 * where Weir's changelog still differs from Flink's, they are refused while planning.
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
    void aTumblingWindowGivesEachKeysStatisticsPerWindowWithANullSampleVarianceForOneRow() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        assertThat(rows(env, "SELECT u, window_start, STDDEV_POP(n), VAR_POP(CAST(n AS DOUBLE)), VAR_SAMP(CAST(n AS DOUBLE)) "
                + "FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' MINUTES)) GROUP BY u, window_start, window_end"))
                .containsExactlyInAnyOrder("+I[a, 2020-01-01T10:00, 0, 0.25, 0.5]", "+I[b, 2020-01-01T10:00, 0, 0.0, null]",
                        "+I[a, 2020-01-01T10:05, 2, 4.0, 8.0]", "+I[b, 2020-01-01T10:05, 0, 0.0, null]");
    }

    @Test
    void anUpdatingInputRefusesThemWhilePlanning() throws Exception {
        TableEnvironment env = SqlTestSupport.timedClicks(dir);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT VAR_SAMP(c) FROM (SELECT u, COUNT(*) AS c FROM clicks "
                + "GROUP BY u)"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessageContaining("VAR_SAMP over an updating input");
    }
}
