package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line of a filesystem table that its format cannot read fails the job naming the file and the line number (empty
 * lines and CR LF terminators counted as the file source reads them), for json and csv; with the format's
 * ignore-parse-errors option it is skipped instead, and the other lines are read.
 */
class SqlMalformedLinePlaceTest {
    @TempDir
    Path dir;

    private TableEnvironment table(String format, String options) {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        env.executeSql("CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '" + dir
                + "', 'format' = '" + format + "'" + options + ")");
        return env;
    }

    @Test
    void aMalformedJsonRecordNamesItsFileAndLine() throws Exception {
        Files.writeString(dir.resolve("part-0.json"), "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}\n");
        Path bad = Files.writeString(dir.resolve("part-1.json"), "{\"id\":3,\"name\":\"c\"}\r\n\r\n{\"id\":\"four\",\"name\":\"d\"}\n");
        assertThatThrownBy(() -> rows(table("json", ""), "SELECT * FROM t")).hasStackTraceContaining("Failed to deserialize JSON "
                + "'{\"id\":\"four\",\"name\":\"d\"}' (file " + bad + ", line 3): field 'id': For input string: \"four\"; fix the "
                + "record, or set 'json.ignore-parse-errors' = 'true' to read such values as NULL (and skip records that are not "
                + "JSON objects)");
    }

    @Test
    void aJsonRecordThatIsNoObjectNamesItsFileAndLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("part-0.json"), "{\"id\":1,\"name\":\"a\"}\n[1, 2]\n");
        assertThatThrownBy(() -> rows(table("json", ""), "SELECT * FROM t")).hasStackTraceContaining("Failed to deserialize JSON "
                + "'[1, 2]' (file " + bad + ", line 2): a record must be one JSON object, got [1,2]; fix the record");
    }

    @Test
    void aMalformedCsvLineNamesItsFileAndLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("part-0.csv"), "1,a\n2,b\nthree,c\n");
        assertThatThrownBy(() -> rows(table("csv", ""), "SELECT * FROM t")).hasStackTraceContaining("Failed to deserialize CSV row "
                + "'three,c' (file " + bad + ", line 3): For input string: \"three\"; fix the line, or set "
                + "'csv.ignore-parse-errors' = 'true' to skip such lines");
    }

    @Test
    void withIgnoreParseErrorsTheMalformedRecordIsSkippedAndTheOthersRead() throws Exception {
        Files.writeString(dir.resolve("part-0.json"), "{\"id\":1,\"name\":\"a\"}\nnot json\n{\"id\":2,\"name\":\"b\"}\n");
        assertThat(rows(table("json", ", 'json.ignore-parse-errors' = 'true'"), "SELECT * FROM t"))
                .containsExactly("+I[1, a]", "+I[2, b]");
    }
}
