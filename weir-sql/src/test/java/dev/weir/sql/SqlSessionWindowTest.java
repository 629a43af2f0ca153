package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SESSION window table function (Flink 1.19's form, with and without PARTITION BY) under a window aggregate. */
class SqlSessionWindowTest {
    @TempDir
    Path dir;

    private TableEnvironment clicks() throws Exception {
        return SqlTestSupport.timedClicks(dir);
    }

    @Test
    void sessionsPerPartitionKeyCloseAfterTheGap() throws Exception {
        assertThat(rows(clicks(), "SELECT u, window_start, window_end, COUNT(*), SUM(n) FROM TABLE(SESSION(TABLE clicks PARTITION BY u, "
                + "DESCRIPTOR(ts), INTERVAL '5' MINUTE)) GROUP BY u, window_start, window_end")).containsExactlyInAnyOrder(
                        "+I[a, 2020-01-01T10:00, 2020-01-01T10:14, 4, 15]", "+I[b, 2020-01-01T10:04, 2020-01-01T10:11, 2, 6]");
    }

    @Test
    void aSessionWithoutPartitionSpansAllRows() throws Exception {
        assertThat(rows(clicks(), "SELECT window_start, window_end, window_time, MAX(n) FROM TABLE(SESSION(TABLE clicks, DESCRIPTOR(ts), "
                + "INTERVAL '2' MINUTE)) GROUP BY window_start, window_end, window_time")).containsExactlyInAnyOrder(
                        "+I[2020-01-01T10:00, 2020-01-01T10:02, 2020-01-01T10:01:59.999, 1]",
                        "+I[2020-01-01T10:03, 2020-01-01T10:11, 2020-01-01T10:10:59.999, 8]");
    }

    @Test
    void theSessionFunctionAloneGivesEachRowItsSessionWhenTheSessionCloses() throws Exception {
        assertThat(rows(clicks(), "SELECT u, n, window_start, window_end, window_time FROM TABLE(SESSION(TABLE clicks PARTITION BY u, "
                + "DESCRIPTOR(ts), INTERVAL '5' MINUTE))")).containsExactlyInAnyOrder(
                        "+I[a, 1, 2020-01-01T10:00, 2020-01-01T10:14, 2020-01-01T10:13:59.999]",
                        "+I[a, 2, 2020-01-01T10:00, 2020-01-01T10:14, 2020-01-01T10:13:59.999]",
                        "+I[a, 8, 2020-01-01T10:00, 2020-01-01T10:14, 2020-01-01T10:13:59.999]",
                        "+I[a, 4, 2020-01-01T10:00, 2020-01-01T10:14, 2020-01-01T10:13:59.999]",
                        "+I[b, 5, 2020-01-01T10:04, 2020-01-01T10:11, 2020-01-01T10:10:59.999]",
                        "+I[b, 1, 2020-01-01T10:04, 2020-01-01T10:11, 2020-01-01T10:10:59.999]");
    }

    @Test
    void groupedByOtherColumnsThanItsPartitionASessionIsAggregatedByAnUpdatingGroupBy() throws Exception {
        TableEnvironment env = clicks();
        env.getConfig().set("parallelism.default", "1");
        assertThat(rows(env, "SELECT window_start, u, COUNT(*) FROM TABLE(SESSION(TABLE clicks, DESCRIPTOR(ts), INTERVAL '3' MINUTE)) "
                + "GROUP BY window_start, window_end, u")).containsExactlyInAnyOrder("+I[2020-01-01T10:00, a, 1]",
                        "+I[2020-01-01T10:00, a, 1]".replace("+I", "-U"), "+U[2020-01-01T10:00, a, 2]", "+I[2020-01-01T10:00, b, 1]",
                        "-U[2020-01-01T10:00, b, 1]", "+U[2020-01-01T10:00, b, 2]", "-U[2020-01-01T10:00, a, 2]",
                        "+U[2020-01-01T10:00, a, 3]", "-U[2020-01-01T10:00, a, 3]", "+U[2020-01-01T10:00, a, 4]");
    }

    @Test
    void anOrderByInTheSessionsTableArgumentIsRefusedWithWhereAndWhatToWrite() throws Exception {
        assertThatThrownBy(() -> rows(clicks(), "SELECT * FROM TABLE(SESSION(TABLE clicks PARTITION BY u ORDER BY ts, DESCRIPTOR(ts), "
                + "INTERVAL '5' MINUTE))")).isInstanceOf(ValidationException.class).hasMessageContaining("remove the ORDER BY")
                .hasMessageContaining("line 1, column");
    }
}
