package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.runtime.client.JobExecutionException;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.TableResult;
import dev.weir.table.functions.ScalarFunction;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link Error} thrown while a SQL job runs (here by a scalar function) fails the job with that cause and the
 * operator's name: {@code TableResult.await()} and the iterator of {@code collect()} throw it, never wait forever.
 * The timeout guards against a hang only.
 */
@Timeout(120)
class SqlJobErrorTest {
    static final OutOfMemoryError OUT_OF_MEMORY = new OutOfMemoryError("test");

    @TempDir
    Path dir;

    private TableEnvironment env;

    /** Runs out of memory on the id 2. */
    public static class Allocate extends ScalarFunction {
        public int eval(int id) {
            if (id == 2) {
                throw OUT_OF_MEMORY;
            }
            return id;
        }
    }

    /** Recurses without end on the id 2. */
    public static class DeepDive extends ScalarFunction {
        public int eval(int id) {
            return id == 2 ? deeper(id) : id;
        }

        private static int deeper(int depth) {
            return deeper(depth + 1) + 1;
        }
    }

    @BeforeEach
    void table() throws Exception {
        env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path lines = csv(dir, "lines", "1,a", "2,b", "3,c");
        env.executeSql("CREATE TABLE lines (id INT, text STRING) WITH ('connector' = 'filesystem', 'path' = '" + lines
                + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole')");
    }

    @Test
    void anOutOfMemoryErrorInAScalarFunctionFailsTheIteratorOfCollectWithThatCause() throws Exception {
        env.createTemporarySystemFunction("greedy", Allocate.class);
        TableResult result = env.executeSql("SELECT greedy(id) FROM lines");

        try (CloseableIterator<Row> rows = result.collect()) {
            assertThatThrownBy(() -> {
                while (rows.hasNext()) {
                    rows.next();
                }
            }).hasMessageStartingWith("The job failed: Job 'collect' failed: ")
                    .hasMessageEndingWith("java.lang.OutOfMemoryError: test")
                    .hasRootCause(OUT_OF_MEMORY);
        }
    }

    @Test
    void anOutOfMemoryErrorInAScalarFunctionFailsAwaitOfAnInsertWithThatCause() {
        env.createTemporarySystemFunction("greedy", Allocate.class);
        TableResult result = env.executeSql("INSERT INTO sink SELECT greedy(id) FROM lines");

        assertThatThrownBy(result::await)
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(JobExecutionException.class)
                .hasMessageStartingWith("Job 'insert-into_default_catalog.default_database.sink' failed: ")
                .hasMessageEndingWith("java.lang.OutOfMemoryError: test")
                .cause().isSameAs(OUT_OF_MEMORY);
    }

    @Test
    void aStackOverflowErrorInAScalarFunctionFailsAwaitOfAnInsertWithThatCause() {
        env.createTemporarySystemFunction("deep_dive", DeepDive.class);
        TableResult result = env.executeSql("INSERT INTO sink SELECT deep_dive(id) FROM lines");

        assertThatThrownBy(result::await)
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(JobExecutionException.class)
                .hasMessage("Job 'insert-into_default_catalog.default_database.sink' failed: FlatMap 'Calc(select=[deep_dive(id) "
                        + "AS EXPR$0])' (1/1) failed on record '+I[2, b]': java.lang.StackOverflowError")
                .hasCauseExactlyInstanceOf(StackOverflowError.class);
    }
}
