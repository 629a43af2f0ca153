package dev.weir.jdbc.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.connector.jdbc.JdbcConnectionOptions;
import dev.weir.connector.jdbc.SharedPostgres;
import dev.weir.sql.connector.LookupOptions;
import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.join.LookupJoinFunction;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.types.Row;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lookup join's cache over the jdbc lookup on a real PostgreSQL, with the task's processing time set by the test:
 * a changed row is seen exactly when its cache entry expires, never before; missing keys are cached too unless told
 * not to; the cache never holds more keys than its maximum; a dropped connection is retried on a new one.
 */
@Timeout(120)
class JdbcLookupJoinCacheTest {
    private static final EmbeddedPostgres PG = SharedPostgres.server();
    private static final String APPLICATION = "weir-lookup-cache-test";

    /** The left row's column 0, the lookup key. */
    private static final class FirstColumn extends Expr {
        private static final long serialVersionUID = 1L;

        @Override
        public Object eval(Row row) {
            return row.getField(0);
        }
    }

    @BeforeEach
    void customers() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS lookup_customers",
                "CREATE TABLE lookup_customers (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL)",
                "INSERT INTO lookup_customers VALUES (1, 'Ann'), (2, 'Bob'), (3, 'Cy')");
    }

    private static JdbcLookupFunction lookup(int maxRetries) {
        JdbcConnectionOptions connection = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(SharedPostgres.url(PG) + "?ApplicationName=" + APPLICATION).withUsername("postgres").build();
        return new JdbcLookupFunction(connection, "customers", "SELECT \"id\", \"name\" FROM \"lookup_customers\" WHERE \"id\" = ?",
                new RowStatementBuilder(new int[] {0}, new SqlTypeName[] {SqlTypeName.BIGINT}),
                new ColumnReader[] {new ColumnReader(SqlTypeName.BIGINT), new ColumnReader(SqlTypeName.VARCHAR)}, maxRetries);
    }

    private static OneInputHarness<Row, Row> join(LookupOptions options) throws Exception {
        OneInputHarness<Row, Row> h = ProcessFunctionTestHarnesses.forProcessFunction(new LookupJoinFunction(lookup(options.maxRetries()),
                options, new Expr[] {new FirstColumn()}, true, 1, 2, null));
        h.setProcessingTime(0);
        return h;
    }

    private static List<String> probe(OneInputHarness<Row, Row> h, long now, long key) throws Exception {
        h.setProcessingTime(now);
        h.clearOutput();
        h.processElement(Row.of(key));
        return h.extractOutputValues().stream().map(Row::toString).toList();
    }

    @Test
    void anUpdatedRowIsSeenWhenItsEntryExpiresAfterWriteAndNotBefore() throws Exception {
        try (OneInputHarness<Row, Row> h = join(new LookupOptions(100, 10_000, 0, true, 0))) {
            assertThat(probe(h, 0, 1)).containsExactly("+I[1, 1, Ann]");
            SharedPostgres.execute(PG, "UPDATE lookup_customers SET name = 'Anna' WHERE id = 1");

            assertThat(probe(h, 9_999, 1)).containsExactly("+I[1, 1, Ann]");
            assertThat(probe(h, 10_000, 1)).containsExactly("+I[1, 1, Anna]");
        }
    }

    @Test
    void readingAnEntryKeepsItOnlyUntilItExpiresAfterAccess() throws Exception {
        try (OneInputHarness<Row, Row> h = join(new LookupOptions(100, 0, 5_000, true, 0))) {
            assertThat(probe(h, 0, 2)).containsExactly("+I[2, 2, Bob]");
            SharedPostgres.execute(PG, "UPDATE lookup_customers SET name = 'Bobby' WHERE id = 2");

            assertThat(probe(h, 4_999, 2)).containsExactly("+I[2, 2, Bob]");
            assertThat(probe(h, 9_998, 2)).containsExactly("+I[2, 2, Bob]");
            assertThat(probe(h, 14_998, 2)).containsExactly("+I[2, 2, Bobby]");
        }
    }

    @Test
    void aMissingKeyIsCachedAsMissingUnlessCacheMissingKeyIsOff() throws Exception {
        try (OneInputHarness<Row, Row> cached = join(new LookupOptions(100, 10_000, 0, true, 0));
                OneInputHarness<Row, Row> uncached = join(new LookupOptions(100, 10_000, 0, false, 0))) {
            assertThat(probe(cached, 0, 7)).containsExactly("+I[7, null, null]");
            assertThat(probe(uncached, 0, 7)).containsExactly("+I[7, null, null]");
            SharedPostgres.execute(PG, "INSERT INTO lookup_customers VALUES (7, 'Gus')");

            assertThat(probe(cached, 1, 7)).containsExactly("+I[7, null, null]");
            assertThat(probe(uncached, 1, 7)).containsExactly("+I[7, 7, Gus]");
            assertThat(probe(cached, 10_000, 7)).containsExactly("+I[7, 7, Gus]");
        }
    }

    @Test
    void theCacheDropsTheLeastRecentlyUsedKeyBeyondItsMaximum() throws Exception {
        try (OneInputHarness<Row, Row> h = join(new LookupOptions(2, 0, 0, true, 0))) {
            probe(h, 0, 1);
            probe(h, 0, 2);
            probe(h, 0, 1); // 2 is now the least recently used
            probe(h, 0, 3);
            SharedPostgres.execute(PG, "UPDATE lookup_customers SET name = name || '!'");

            assertThat(probe(h, 1, 1)).containsExactly("+I[1, 1, Ann]");
            assertThat(probe(h, 1, 3)).containsExactly("+I[3, 3, Cy]");
            assertThat(probe(h, 1, 2)).containsExactly("+I[2, 2, Bob!]");
        }
    }

    @Test
    void aLookupWhoseConnectionWasKilledIsRetriedOnANewConnection() throws Exception {
        try (OneInputHarness<Row, Row> h = join(new LookupOptions(0, 0, 0, true, 3))) {
            assertThat(probe(h, 0, 1)).containsExactly("+I[1, 1, Ann]");
            SharedPostgres.execute(PG, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + APPLICATION + "'");

            assertThat(probe(h, 1, 2)).containsExactly("+I[2, 2, Bob]");
        }
    }

    @Test
    void aLookupThatKeepsFailingNamesTheTableTheKeyAndTheDatabasesMessage() throws Exception {
        try (OneInputHarness<Row, Row> h = join(new LookupOptions(0, 0, 0, true, 1))) {
            SharedPostgres.execute(PG, "DROP TABLE lookup_customers");

            assertThatThrownBy(() -> probe(h, 0, 1)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("The jdbc lookup of key +I[1] in table 'customers' (" + SharedPostgres.url(PG)
                            + "?ApplicationName=" + APPLICATION + ") failed after 2 attempts running 'SELECT \"id\", \"name\" "
                            + "FROM \"lookup_customers\" WHERE \"id\" = ?': ERROR: relation \"lookup_customers\" does not exist");
        }
    }
}
