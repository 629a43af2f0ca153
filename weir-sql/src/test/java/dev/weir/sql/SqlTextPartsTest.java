package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Flink's REGEXP_EXTRACT and SPLIT_INDEX (Nexmark q21 and q22), with their NULL rules. */
@Timeout(120)
class SqlTextPartsTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void table() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path urls = csv(dir, "urls", "1,https://www.nexmark.com/a/b/c/item.htm?query=1&channel_id=7",
                "2,https://www.nexmark.com/x", "3,");
        env.executeSql("CREATE TABLE urls (id INT, url STRING) WITH ('connector' = 'filesystem', 'path' = '" + urls
                + "', 'format' = 'csv', 'csv.null-literal' = '')");
    }

    @Test
    void regexpExtractGivesTheGroupOfTheFirstMatchOrNull() throws Exception {
        assertThat(rows(env, "SELECT id, REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2), REGEXP_EXTRACT(url, 'w+'),"
                + " REGEXP_EXTRACT(url, '/(a|x)(/)?', 2) FROM urls"))
                .containsExactly("+I[1, 7, www, /]", "+I[2, null, www, null]", "+I[3, null, null, null]");
    }

    @Test
    void splitIndexCountsFromZeroKeepsEmptyPiecesAndIsNullPastTheEnd() throws Exception {
        assertThat(rows(env, "SELECT id, SPLIT_INDEX(url, '/', 1), SPLIT_INDEX(url, '/', 3), SPLIT_INDEX(url, '/', 6),"
                + " SPLIT_INDEX(url, '/', -1) FROM urls"))
                .containsExactly("+I[1, , a, item.htm?query=1&channel_id=7, null]", "+I[2, , x, null, null]",
                        "+I[3, null, null, null, null]");
    }
}
