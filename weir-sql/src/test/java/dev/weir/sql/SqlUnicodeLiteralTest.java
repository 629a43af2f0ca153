package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** String literals hold any Unicode text, as in Flink (whose planner gives character literals UTF-16). */
class SqlUnicodeLiteralTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void table() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path words = csv(dir, "words", "1,日本語", "2,café", "3,plain");
        env.executeSql("CREATE TABLE words (id INT, word STRING) WITH ('connector' = 'filesystem', 'path' = '" + words
                + "', 'format' = 'csv')");
    }

    @Test
    void aLiteralOutsideLatin1IsSelectedConcatenatedAndCompared() throws Exception {
        assertThat(rows(env, "SELECT id, CONCAT(word, ' – 🎉'), word = '日本語', POSITION('語' IN word) FROM words"))
                .containsExactly("+I[1, 日本語 – 🎉, true, 3]", "+I[2, café – 🎉, false, 0]", "+I[3, plain – 🎉, false, 0]");
    }

    @Test
    void aFilterOnALiteralOutsideLatin1KeepsTheMatchingRows() throws Exception {
        assertThat(rows(env, "SELECT id FROM words WHERE word LIKE '%本%' OR word = 'café'"))
                .containsExactly("+I[1]", "+I[2]");
    }
}
