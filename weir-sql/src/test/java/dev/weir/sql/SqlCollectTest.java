package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.TableEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COLLECT(expr) gives Flink 2.3's multisets, printed as Flink prints them (each expected row below was recorded by
 * running the same query on Flink 2.3): NULLs left out, an empty multiset for a group of NULLs, retraction over an
 * updating input, one multiset per window.
 */
class SqlCollectTest {
    @TempDir
    Path dir;

    private TableEnvironment people() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path in = SqlTestSupport.csv(dir, "people", "1,Alice,34,88.5", "2,Bob,,72.0", "3,,27,", "4,Dan,45,91.25", "5,Eve,27,60.0",
                "6,Bob,52,72.0");
        env.executeSql("CREATE TABLE people (id INT, name STRING, age INT, score DOUBLE) WITH ('connector' = 'filesystem', "
                + "'path' = '" + in + "', 'format' = 'csv', 'csv.null-literal' = '')");
        return env;
    }

    @Test
    void aGroupOfNullsCollectsAnEmptyMultisetAndLaterValuesCountInIt() throws Exception {
        assertThat(rows(people(), "SELECT name, COLLECT(age), COLLECT(id) FROM people GROUP BY name")).containsExactly(
                "+I[Alice, {34=1}, {1=1}]", "+I[Bob, {}, {2=1}]", "+I[null, {27=1}, {3=1}]", "+I[Dan, {45=1}, {4=1}]",
                "+I[Eve, {27=1}, {5=1}]", "-U[Bob, {}, {2=1}]", "+U[Bob, {52=1}, {2=1, 6=1}]");
    }

    @Test
    void overAnUpdatingInputARetractedValueLeavesTheMultiset() throws Exception {
        assertThat(rows(people(), "SELECT COLLECT(c) FROM (SELECT name, COUNT(*) AS c FROM people GROUP BY name)")).containsExactly(
                "+I[{1=1}]", "-U[{1=1}]", "+U[{1=2}]", "-U[{1=2}]", "+U[{1=3}]", "-U[{1=3}]", "+U[{1=4}]", "-U[{1=4}]",
                "+U[{1=5}]", "-U[{1=5}]", "+U[{1=4}]", "-U[{1=4}]", "+U[{1=4, 2=1}]");
    }

    @Test
    void distinctCountsEachValueOnce() throws Exception {
        assertThat(rows(people(), "SELECT COLLECT(DISTINCT name) FROM people")).containsExactly("+I[{Alice=1}]", "-U[{Alice=1}]",
                "+U[{Bob=1, Alice=1}]", "-U[{Bob=1, Alice=1}]", "+U[{Dan=1, Bob=1, Alice=1}]", "-U[{Dan=1, Bob=1, Alice=1}]",
                "+U[{Dan=1, Bob=1, Eve=1, Alice=1}]");
    }
}
