package dev.weir.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Processing-time lookup joins through SQL ({@code JOIN customers FOR SYSTEM_TIME AS OF o.proc_time}) on a real
 * PostgreSQL: the orders are read from one table and each is looked up by key in another, with and without a cache.
 * Cache expiry with a driven clock is specified in {@code JdbcLookupJoinCacheTest}.
 */
@Timeout(120)
class JdbcLookupJoinTest {
    private static final EmbeddedPostgres PG = SharedPostgres.server();

    @BeforeAll
    static void tables() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS lj_orders", "DROP TABLE IF EXISTS lj_customers",
                "CREATE TABLE lj_customers (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL, country VARCHAR(2) NOT NULL)",
                "INSERT INTO lj_customers VALUES (1, 'Ann', 'FR'), (2, 'Bob', 'DE'), (3, 'Cy', 'FR')",
                "CREATE TABLE lj_orders (id INT PRIMARY KEY, customer_id BIGINT, amount INT NOT NULL, country VARCHAR(2))",
                "INSERT INTO lj_orders VALUES (10, 1, 100, 'FR'), (11, 2, 200, 'DE'), (12, 9, 300, 'IT'), (13, 1, 400, 'FR'), "
                        + "(14, NULL, 500, NULL)");
    }

    private static TableEnvironment env(String... customerOptions) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("table.local-time-zone", "UTC");
        env.getConfig().set("parallelism.default", "2");
        env.executeSql("CREATE TABLE orders (id INT, customer_id BIGINT, amount INT, country STRING, proc_time AS PROCTIME())"
                + with("lj_orders"));
        env.executeSql("CREATE TABLE customers (id BIGINT, name STRING, country STRING, PRIMARY KEY (id) NOT ENFORCED)"
                + with("lj_customers", customerOptions));
        return env;
    }

    private static String with(String table, String... extra) {
        return SharedPostgres.with(PG, table, extra);
    }

    private static List<String> rows(TableEnvironment env, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(query).collect()) {
            while (it.hasNext()) {
                rows.add(it.next().toString());
            }
        }
        return rows;
    }

    @Test
    void anInnerLookupJoinGivesEachOrderItsCustomersRowAndDropsOrdersWithoutOne() throws Exception {
        TableEnvironment env = env("'lookup.cache' = 'PARTIAL'", "'lookup.partial-cache.max-rows' = '100'",
                "'lookup.partial-cache.expire-after-write' = '1 h'");

        assertThat(rows(env, "SELECT o.id, c.name, o.amount FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.proc_time "
                + "AS c ON o.customer_id = c.id"))
                .containsExactlyInAnyOrder("+I[10, Ann, 100]", "+I[11, Bob, 200]", "+I[13, Ann, 400]");
    }

    @Test
    void aLeftLookupJoinPadsOrdersWhoseKeyIsMissingOrNullWithNulls() throws Exception {
        TableEnvironment env = env();

        assertThat(rows(env, "SELECT o.id, c.id, c.name FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.proc_time "
                + "AS c ON o.customer_id = c.id"))
                .containsExactlyInAnyOrder("+I[10, 1, Ann]", "+I[11, 2, Bob]", "+I[12, null, null]", "+I[13, 1, Ann]",
                        "+I[14, null, null]");
    }

    @Test
    void aLookupOnANonKeyColumnJoinsEveryRowWithThatValueAndAppliesTheRestOfTheOnClause() throws Exception {
        TableEnvironment env = env("'lookup.cache.max-rows' = '10'", "'lookup.cache.ttl' = '10 min'");

        assertThat(rows(env, "SELECT o.id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.proc_time AS c "
                + "ON o.country = c.country AND c.id <> o.customer_id"))
                .containsExactlyInAnyOrder("+I[10, Cy]", "+I[13, Cy]");
    }

    @Test
    void aWrongLookupOptionIsNamedWithItsValidValues() {
        TableEnvironment env = env("'lookup.cache' = 'LRU'");

        assertThatThrownBy(() -> env.executeSql("SELECT o.id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF "
                + "o.proc_time AS c ON o.customer_id = c.id")).isInstanceOf(ValidationException.class)
                .hasMessage("Invalid value 'LRU' for option 'lookup.cache' of table 'customers'; the valid values are NONE and PARTIAL");
    }

    @Test
    void anUnknownLookupOptionIsRefusedListingTheSupportedOnes() {
        TableEnvironment env = env("'lookup.partial-cache.max-row' = '10'");

        assertThatThrownBy(() -> env.executeSql("SELECT * FROM customers")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Unsupported options found for 'jdbc' in table 'customers'.\n\nUnsupported options:\n\n"
                        + "lookup.partial-cache.max-row\n\nSupported options:\n\n")
                .hasMessageContaining("\nlookup.cache\nlookup.cache.caching-missing-key\nlookup.cache.max-rows\nlookup.cache.ttl\n"
                        + "lookup.max-retries\nlookup.partial-cache.cache-missing-key\nlookup.partial-cache.expire-after-access\n"
                        + "lookup.partial-cache.expire-after-write\nlookup.partial-cache.max-rows\n");
    }

    @Test
    void aPartialCacheWithoutAMaximumSizeIsRefusedBecauseItWouldGrowWithoutBound() {
        TableEnvironment env = env("'lookup.cache' = 'PARTIAL'", "'lookup.partial-cache.expire-after-write' = '1 min'");

        assertThatThrownBy(() -> env.executeSql("SELECT * FROM customers")).isInstanceOf(ValidationException.class)
                .hasMessage("Table 'customers' sets 'lookup.cache' = 'PARTIAL' without 'lookup.partial-cache.max-rows'; Weir bounds "
                        + "every lookup cache, so add e.g. 'lookup.partial-cache.max-rows' = '10000'");
    }
}
