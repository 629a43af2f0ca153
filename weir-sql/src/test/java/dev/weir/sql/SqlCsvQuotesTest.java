package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The csv format's quotes, as Flink's: a quote opens a quoted cell only as its first character. */
class SqlCsvQuotesTest {
    @TempDir
    Path dir;

    @Test
    void quotesInsideAnUnquotedCellAreTextAndAQuotedCellKeepsItsDelimitersAndDoubledQuotes() throws Exception {
        Path t = csv(dir, "t", "1,{\"a\":1}", "2,\"x,y\"", "3,\"say \"\"hi\"\"\"", "4,a\"b");
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE t (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '" + t
                + "', 'format' = 'csv')");

        assertThat(rows(env, "SELECT id, s, CHAR_LENGTH(s) FROM t")).containsExactlyInAnyOrder(
                "+I[1, {\"a\":1}, 7]", "+I[2, x,y, 3]", "+I[3, say \"hi\", 8]", "+I[4, a\"b, 3]");
    }
}
