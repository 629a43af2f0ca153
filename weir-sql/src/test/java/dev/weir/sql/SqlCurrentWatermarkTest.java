package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CURRENT_WATERMARK(rowtime) in a projection and a filter. One reader at parallelism 1 and a watermark raised by more
 * than the 200 ms auto-watermark interval at every new maximum make the watermark before each row known: the largest
 * {@code ts - 1 s} of the rows before it.
 */
class SqlCurrentWatermarkTest {
    @TempDir
    Path dir;

    private TableEnvironment events() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path in = csv(dir, "events", "a,2020-01-01 10:00:10", "b,2020-01-01 10:00:12", "c,2020-01-01 10:00:08",
                "d,2020-01-01 10:00:11.500", "e,2020-01-01 10:00:15", "f,2020-01-01 10:00:13", "g,2020-01-01 10:00:14");
        env.executeSql("CREATE TABLE events (id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv')");
        return env;
    }

    @Test
    void theWatermarkIsNullBeforeTheFirstOneAndThenTheLargestSoFar() throws Exception {
        assertThat(rows(events(), "SELECT id, CURRENT_WATERMARK(ts) AS wm FROM events")).containsExactly(
                "+I[a, null]", "+I[b, 2020-01-01T10:00:09]", "+I[c, 2020-01-01T10:00:11]", "+I[d, 2020-01-01T10:00:11]",
                "+I[e, 2020-01-01T10:00:11]", "+I[f, 2020-01-01T10:00:14]", "+I[g, 2020-01-01T10:00:14]");
    }

    @Test
    void aFilterOnTheCurrentWatermarkDropsTheLateRows() throws Exception {
        assertThat(rows(events(), "SELECT id, ts FROM events WHERE CURRENT_WATERMARK(ts) IS NULL OR ts > CURRENT_WATERMARK(ts)"))
                .containsExactly("+I[a, 2020-01-01T10:00:10]", "+I[b, 2020-01-01T10:00:12]", "+I[d, 2020-01-01T10:00:11.500]",
                        "+I[e, 2020-01-01T10:00:15]");
    }

    @Test
    void aWatermarkComputedFromTheTimestampsEqualsTheSameExpressionEvaluatedPerRow() throws Exception {
        // ts - INTERVAL '1' SECOND is computed from each row's timestamp; the CASE is the same value evaluated per row.
        TableEnvironment env = events();
        env.executeSql("CREATE TABLE evaluated (id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS CASE WHEN id IS NULL THEN ts "
                + "ELSE ts - INTERVAL '1' SECOND END) WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("events.csv")
                + "', 'format' = 'csv')");
        assertThat(rows(env, "SELECT id, CURRENT_WATERMARK(ts) AS wm FROM evaluated"))
                .containsExactlyElementsOf(rows(env, "SELECT id, CURRENT_WATERMARK(ts) AS wm FROM events"))
                .contains("+I[f, 2020-01-01T10:00:14]");
    }

    @Test
    void theResultHasTheRowtimeColumnsTypeAndIsNullable() throws Exception {
        assertThat(events().sqlQuery("SELECT CURRENT_WATERMARK(ts) AS wm FROM events").getResolvedSchema().toString())
                .isEqualTo("(\n  `wm` TIMESTAMP(3)\n)");
    }
}
