package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink's deprecated group-window aggregation: TUMBLE, HOP and SESSION in GROUP BY with their auxiliary functions,
 * run as the window table functions they are rewritten to.
 */
class SqlGroupWindowTest {
    @TempDir
    Path dir;

    private TableEnvironment clicks() throws Exception {
        return SqlTestSupport.timedClicks(dir);
    }

    @Test
    void tumbleInGroupByAggregatesPerKeyAndWindowWithItsStartEndAndRowtime() throws Exception {
        assertThat(rows(clicks(), "SELECT u, TUMBLE_START(ts, INTERVAL '5' MINUTE) AS s, TUMBLE_END(ts, INTERVAL '5' MINUTE), "
                + "TUMBLE_ROWTIME(ts, INTERVAL '5' MINUTE) AS rt, SUM(n) FROM clicks GROUP BY TUMBLE(ts, INTERVAL '5' MINUTE), u"))
                .containsExactlyInAnyOrder("+I[a, 2020-01-01T10:00, 2020-01-01T10:05, 2020-01-01T10:04:59.999, 3]",
                        "+I[a, 2020-01-01T10:05, 2020-01-01T10:10, 2020-01-01T10:09:59.999, 12]",
                        "+I[b, 2020-01-01T10:00, 2020-01-01T10:05, 2020-01-01T10:04:59.999, 5]",
                        "+I[b, 2020-01-01T10:05, 2020-01-01T10:10, 2020-01-01T10:09:59.999, 1]");
    }

    @Test
    void sessionInGroupByHasOneSessionPerKey() throws Exception {
        assertThat(rows(clicks(), "SELECT c.u, COUNT(*), SESSION_START(c.ts, INTERVAL '2' MINUTE), SESSION_END(c.ts, INTERVAL '2' MINUTE) "
                + "FROM clicks c GROUP BY c.u, SESSION(c.ts, INTERVAL '2' MINUTE)")).containsExactlyInAnyOrder(
                        "+I[a, 1, 2020-01-01T10:00, 2020-01-01T10:02]", "+I[a, 1, 2020-01-01T10:03, 2020-01-01T10:05]",
                        "+I[a, 2, 2020-01-01T10:07:59, 2020-01-01T10:11]", "+I[b, 2, 2020-01-01T10:04, 2020-01-01T10:08]");
    }

    @Test
    void hopInGroupByWithoutOtherKeysIsOneGlobalWindowSequence() throws Exception {
        assertThat(rows(clicks(), "SELECT HOP_END(ts, INTERVAL '5' MINUTE, INTERVAL '10' MINUTE), MAX(n) FROM clicks "
                + "GROUP BY HOP(ts, INTERVAL '5' MINUTE, INTERVAL '10' MINUTE)")).containsExactlyInAnyOrder(
                        "+I[2020-01-01T10:05, 5]", "+I[2020-01-01T10:10, 8]", "+I[2020-01-01T10:15, 8]");
    }

    @Test
    void anUnaliasedAuxiliaryFunctionIsNamedLikeFlinksExpressions() throws Exception {
        assertThat(clicks().sqlQuery("SELECT u, TUMBLE_START(ts, INTERVAL '5' MINUTE) FROM clicks GROUP BY u, TUMBLE(ts, "
                + "INTERVAL '5' MINUTE)").getResolvedSchema().getColumnNames()).containsExactly("u", "EXPR$1");
    }

    @Test
    void anAuxiliaryFunctionOfAnotherWindowIsRefusedWithItsPlace() throws Exception {
        assertThatThrownBy(() -> rows(clicks(), "SELECT u,\n  TUMBLE_END(ts, INTERVAL '1' MINUTE)\nFROM clicks GROUP BY u, "
                + "TUMBLE(ts, INTERVAL '5' MINUTE)")).isInstanceOf(ValidationException.class).hasMessage(
                        "At line 2, column 3: TUMBLE_END must name the group window of the GROUP BY: write "
                                + "TUMBLE_END(ts, INTERVAL '5' MINUTE)");
    }

    @Test
    void twoGroupWindowsAreRefusedWithThePlaceOfTheSecond() throws Exception {
        assertThatThrownBy(() -> rows(clicks(), "SELECT COUNT(*) FROM clicks GROUP BY TUMBLE(ts, INTERVAL '5' MINUTE), "
                + "HOP(ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE)")).isInstanceOf(ValidationException.class).hasMessage(
                        "At line 1, column 71: Only a single window group function may be used in GROUP BY");
    }

    @Test
    void aGroupWindowInsideAViewRunsWhereTheViewIsUsed() throws Exception {
        TableEnvironment env = clicks();
        env.executeSql("CREATE VIEW per_window AS SELECT c.u, COUNT(*) AS n, SESSION_END(c.ts, INTERVAL '2' MINUTE) AS e "
                + "FROM clicks AS c GROUP BY c.u, SESSION(c.ts, INTERVAL '2' MINUTE)");
        assertThat(rows(env, "SELECT u, n, e FROM per_window WHERE n > 1")).containsExactlyInAnyOrder(
                "+I[a, 2, 2020-01-01T10:11]", "+I[b, 2, 2020-01-01T10:08]");
    }

    @Test
    void anAuxiliaryFunctionWithoutItsGroupWindowIsRefusedWithItsPlace() throws Exception {
        assertThatThrownBy(() -> rows(clicks(), "SELECT u, TUMBLE_START(ts, INTERVAL '5' MINUTE) FROM clicks GROUP BY u, ts"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("SQL validation failed. From line 1, column 11 to line 1, column 47: Call to auxiliary "
                        + "group function 'TUMBLE_START' must have matching call to group function '$TUMBLE' in GROUP BY clause");
    }
}
