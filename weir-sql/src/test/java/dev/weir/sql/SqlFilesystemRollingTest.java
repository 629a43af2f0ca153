package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem sink rolls its part files by Flink's {@code sink.rolling-policy.*} options. */
class SqlFilesystemRollingTest {
    @TempDir
    Path dir;

    private TableEnvironment withSink(Path out, String rollingOptions) throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        Path in = csv(dir, "items", "1,apple", "2,pear", "3,plum");
        env.executeSql("CREATE TABLE items (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE out_items (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '" + out
                + "', 'format' = 'csv', 'sink.parallelism' = '1'" + rollingOptions + ")");
        return env;
    }

    /** Each part file's lines, the files in the order of their names (part-<uuid>-0, -1, ...). */
    private static List<List<String>> partFiles(Path out) throws Exception {
        List<List<String>> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                parts.add(Files.readAllLines(p));
            }
        }
        return parts;
    }

    @Test
    void byDefaultOneSubtaskWritesOnePartFile() throws Exception {
        Path out = dir.resolve("default");
        withSink(out, "").executeSql("INSERT INTO out_items SELECT * FROM items").await();
        assertThat(partFiles(out)).hasSize(1);
        assertThat(partFiles(out).get(0)).containsExactlyInAnyOrder("1,apple", "2,pear", "3,plum");
    }

    @Test
    void aFileSizeOfOneByteRollsAfterEveryRow() throws Exception {
        Path out = dir.resolve("small");
        withSink(out, ", 'sink.rolling-policy.file-size' = '1b', 'sink.rolling-policy.rollover-interval' = '1 h', "
                + "'sink.rolling-policy.check-interval' = '10 min'").executeSql("INSERT INTO out_items SELECT * FROM items").await();
        List<List<String>> parts = partFiles(out);
        assertThat(parts).hasSize(3).allSatisfy(lines -> assertThat(lines).hasSize(1));
        assertThat(parts.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrder("1,apple", "2,pear", "3,plum");
    }

    @Test
    void aMalformedRolloverIntervalIsRefusedWhenTheInsertIsPlanned() throws Exception {
        TableEnvironment env = withSink(dir.resolve("bad"), ", 'sink.rolling-policy.rollover-interval' = 'soon'");
        assertThatThrownBy(() -> env.executeSql("INSERT INTO out_items SELECT * FROM items"))
                .isInstanceOf(ValidationException.class).hasMessage("Option 'sink.rolling-policy.rollover-interval' of table "
                        + "'out_items' must be a duration such as '10 min' or '30 s', was 'soon'");
    }
}
