package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TRY_CAST gives NULL where CAST fails the job; both read texts as Flink 2.3 does (integers trimmed with any fraction
 * cut off, a value outside the target's range refused, booleans by Flink's words).
 */
class SqlTryCastTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void table() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path texts = csv(dir, "texts", "1| 12 ", "2|1.9", "3|300", "4|abc", "5|yes", "6|", "7|-7");
        env.executeSql("CREATE TABLE texts (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '" + texts
                + "', 'format' = 'csv', 'csv.field-delimiter' = '|', 'csv.null-literal' = '')");
    }

    @Test
    void tryCastOfAMalformedOrOutOfRangeTextIsNull() throws Exception {
        assertThat(rows(env, "SELECT id, TRY_CAST(s AS INT), TRY_CAST(s AS TINYINT), TRY_CAST(s AS BOOLEAN) FROM texts"))
                .containsExactly("+I[1, 12, 12, null]", "+I[2, 1, 1, null]", "+I[3, 300, null, null]", "+I[4, null, null, null]",
                        "+I[5, null, null, true]", "+I[6, null, null, null]", "+I[7, -7, -7, null]");
    }

    @Test
    void castOfAMalformedTextStillFailsTheJobNamingTheRecord() {
        Throwable failure = catchThrowable(() -> rows(env, "SELECT id, CAST(s AS INT) FROM texts WHERE id = 4"));
        assertThat(failure).hasMessageContaining("+I[4, abc]").hasMessageContaining("abc");
    }
}
