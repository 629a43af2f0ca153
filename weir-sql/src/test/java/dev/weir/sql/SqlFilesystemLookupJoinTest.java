package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processing-time lookup join against a {@code filesystem} table (Nexmark q13's bounded side input): the file is
 * read whole and each left row joins the rows with its key. The reload after {@code lookup.join.cache.ttl} is in
 * FilesystemLookupFunctionTest.
 */
class SqlFilesystemLookupJoinTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        Path bids = csv(dir, "bids", "1,10", "2,11", "3,12", "4,", "5,13");
        Path side = csv(dir, "side", "0,zero", "1,one", "2,two", "2,deux");
        env.executeSql("CREATE TABLE bids (id INT, auction BIGINT, p_time AS PROCTIME()) WITH ('connector' = 'filesystem', "
                + "'path' = '" + bids + "', 'format' = 'csv', 'csv.null-literal' = '')");
        env.executeSql("CREATE TABLE side_input (`key` BIGINT, `value` STRING) WITH ('connector' = 'filesystem', 'path' = '"
                + side + "', 'format' = 'csv')");
    }

    @Test
    void eachRowJoinsEveryLineWithItsKey() throws Exception {
        assertThat(rows(env, "SELECT b.id, s.`value` FROM bids AS b JOIN side_input FOR SYSTEM_TIME AS OF b.p_time AS s "
                + "ON MOD(b.auction, 10) = s.`key`")).containsExactlyInAnyOrder("+I[1, zero]", "+I[2, one]", "+I[3, two]",
                        "+I[3, deux]");
    }

    @Test
    void aLeftJoinPadsMissingAndNullKeysWithNulls() throws Exception {
        assertThat(rows(env, "SELECT b.id, s.`key`, s.`value` FROM bids AS b LEFT JOIN side_input FOR SYSTEM_TIME AS OF b.p_time "
                + "AS s ON b.auction - 10 = s.`key`")).containsExactlyInAnyOrder("+I[1, 0, zero]", "+I[2, 1, one]",
                        "+I[3, 2, two]", "+I[3, 2, deux]", "+I[4, null, null]", "+I[5, null, null]");
    }

    @Test
    void anInvalidReloadIntervalIsRefusedNamingTheOption() throws Exception {
        env.executeSql("CREATE TABLE side2 (`key` BIGINT, `value` STRING) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("side.csv") + "', 'format' = 'csv', 'lookup.join.cache.ttl' = 'soon')");
        assertThatThrownBy(() -> env.executeSql("SELECT b.id, s.`value` FROM bids AS b JOIN side2 FOR SYSTEM_TIME AS OF "
                + "b.p_time AS s ON b.auction = s.`key`")).isInstanceOf(ValidationException.class)
                .hasMessage("Option 'lookup.join.cache.ttl' of table 'side2' must be a duration such as '10 min' or '30 s', "
                        + "was 'soon'");
    }
}
