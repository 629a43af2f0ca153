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
 * Nexmark q1's {@code CAST(0.908 * price AS BIGINT)}, which Weir computes in {@code long}: the results are those of
 * the exact decimal product cast to an integer (truncated toward zero), for negative prices, NULL, and products too
 * large for a {@code long}, which take the decimal path.
 */
class SqlDecimalProductCastTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void table() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path bids = csv(dir, "bids", "1,1000", "2,-1001", "3,1", "4,", "5,9223372036854775807", "6,-9223372036854775807",
                "7,2147483647");
        env.executeSql("CREATE TABLE bids (id INT, price BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + bids
                + "', 'format' = 'csv', 'csv.null-literal' = '')");
    }

    @Test
    void anIntegerTimesADecimalLiteralCastToBigintTruncatesTheExactProductTowardZero() throws Exception {
        assertThat(rows(env, "SELECT id, CAST(0.908 * price AS BIGINT), CAST(price * 0.908 AS BIGINT) FROM bids"))
                .containsExactly("+I[1, 908, 908]", "+I[2, -908, -908]", "+I[3, 0, 0]", "+I[4, null, null]",
                        // 0.908 * (2^63 - 1) = 8374821809464136432.756, beyond 2^63 / 908: the decimal path.
                        "+I[5, 8374821809464136432, 8374821809464136432]",
                        "+I[6, -8374821809464136432, -8374821809464136432]", "+I[7, 1949915151, 1949915151]");
    }

    @Test
    void theProductCastToIntKeepsTheLowBitsAsTheDecimalCastDoes() throws Exception {
        assertThat(rows(env, "SELECT id, CAST(1.5 * price AS INT) FROM bids WHERE id IN (2, 7)"))
                .containsExactly("+I[2, -1501]", "+I[7, " + (int) (2147483647L * 3 / 2) + "]");
    }
}
