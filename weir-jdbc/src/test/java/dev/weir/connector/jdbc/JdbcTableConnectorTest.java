package dev.weir.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SQL connector {@code 'connector' = 'jdbc'} on a real PostgreSQL: upsert and append sinks, whole and partitioned scans. */
@Timeout(120)
class JdbcTableConnectorTest {
    private static final EmbeddedPostgres PG = SharedPostgres.server();

    private static TableEnvironment env() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("table.local-time-zone", "UTC");
        env.getConfig().set("parallelism.default", "2");
        return env;
    }

    private static String with(String table, String... extra) {
        return SharedPostgres.with(PG, table, extra);
    }

    private static List<String> collect(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            while (it.hasNext()) {
                rows.add(it.next().toString());
            }
        }
        return rows;
    }

    private static void readings(String table) throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS " + table,
                "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, sensor VARCHAR(20) NOT NULL, v INT NOT NULL)",
                "INSERT INTO " + table + " SELECT i, 'sensor-' || (i % 5), (i * 7) % 100 FROM generate_series(1, 1000) AS i");
    }

    @Test
    void anUpdatingGroupByWrittenWithAPrimaryKeyEndsWithExactlyTheFinalRows() throws Exception {
        readings("readings_upsert");
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS totals",
                "CREATE TABLE totals (sensor VARCHAR(20) PRIMARY KEY, n BIGINT NOT NULL, total BIGINT NOT NULL)");
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE readings (id BIGINT, sensor STRING, v INT)" + with("readings_upsert"));
        // Two rows a batch: the running totals are written and overwritten many times before the final ones.
        env.executeSql("CREATE TABLE totals (sensor STRING, n BIGINT, total BIGINT, PRIMARY KEY (sensor) NOT ENFORCED)"
                + with("totals", "'sink.buffer-flush.max-rows' = '2'"));

        env.executeSql("INSERT INTO totals SELECT sensor, COUNT(*), SUM(CAST(v AS BIGINT)) FROM readings GROUP BY sensor").await();

        assertThat(SharedPostgres.rows(PG, "SELECT sensor, n, total FROM totals ORDER BY sensor"))
                .containsExactly("sensor-0,200,9500", "sensor-1,200,9900", "sensor-2,200,10300", "sensor-3,200,9700", "sensor-4,200,10100")
                .isEqualTo(SharedPostgres.rows(PG, "SELECT sensor, count(*), sum(v) FROM readings_upsert GROUP BY sensor ORDER BY sensor"));
    }

    @Test
    void aKeyWhoseRowTheQueryRetractsIsDeletedFromTheTable() throws Exception {
        readings("readings_retract");
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS rare", "CREATE TABLE rare (v INT PRIMARY KEY, n BIGINT NOT NULL)");
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE readings (id BIGINT, sensor STRING, v INT)" + with("readings_retract"));
        env.executeSql("CREATE TABLE rare (v INT, n BIGINT, PRIMARY KEY (v) NOT ENFORCED)" + with("rare", "'sink.buffer-flush.max-rows' = '1'"));

        // Each value of v occurs 10 times; a value is written while it has been seen fewer than 10 times, then retracted.
        env.executeSql("INSERT INTO rare SELECT v, COUNT(*) FROM readings GROUP BY v HAVING COUNT(*) < 10").await();

        assertThat(SharedPostgres.rows(PG, "SELECT count(*) FROM rare")).containsExactly("0");
    }

    @Test
    void aTableWithoutPrimaryKeyAppendsTheRowsOfAnInsertOnlyQuery() throws Exception {
        readings("readings_append");
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS high", "CREATE TABLE high (id BIGINT, sensor VARCHAR(20), v INT)");
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE readings (id BIGINT, sensor STRING, v INT)" + with("readings_append"));
        env.executeSql("CREATE TABLE high (id BIGINT, sensor STRING, v INT)" + with("high"));

        env.executeSql("INSERT INTO high SELECT id, UPPER(sensor), v FROM readings WHERE v >= 98").await();

        assertThat(SharedPostgres.rows(PG, "SELECT id, sensor, v FROM high ORDER BY id"))
                .isEqualTo(SharedPostgres.rows(PG, "SELECT id, upper(sensor), v FROM readings_append WHERE v >= 98 ORDER BY id"))
                .hasSize(20);
    }

    @Test
    void aScanReadsEveryColumnTypeAndNullExactly() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS typed",
                "CREATE TABLE typed (id INT, name TEXT, big BIGINT, ratio DOUBLE PRECISION, price DECIMAL(10, 2), ok BOOLEAN, "
                        + "day DATE, at TIMESTAMP(3), small SMALLINT)",
                "INSERT INTO typed VALUES (1, 'a', 10000000000, 0.5, 12.34, true, '2024-02-29', '2024-02-29 13:14:15.678', 7), "
                        + "(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE typed (id INT, name STRING, big BIGINT, ratio DOUBLE, price DECIMAL(10, 2), ok BOOLEAN, "
                + "`day` DATE, `at` TIMESTAMP(3), small SMALLINT)" + with("typed"));

        assertThat(collect(env.executeSql("SELECT * FROM typed"))).containsExactlyInAnyOrder(
                "+I[1, a, 10000000000, 0.5, 12.34, true, 2024-02-29, 2024-02-29T13:14:15.678, 7]",
                "+I[2, null, null, null, null, null, null, null, null]");
    }

    @Test
    void aPartitionedScanReadsEachRowOnceAcrossItsSubtasks() throws Exception {
        readings("readings_scan");
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE readings (id BIGINT, sensor STRING, v INT)" + with("readings_scan",
                "'scan.partition.column' = 'id'", "'scan.partition.num' = '7'", "'scan.partition.lower-bound' = '1'",
                "'scan.partition.upper-bound' = '1000'", "'scan.fetch-size' = '50'"));

        List<String> ids = new ArrayList<>();
        for (String row : collect(env.executeSql("SELECT id FROM readings"))) {
            ids.add(row);
        }
        assertThat(ids).hasSize(1000).doesNotHaveDuplicates().contains("+I[1]", "+I[1000]");
    }

    @Test
    void anUpdatingQueryIntoATableWithoutPrimaryKeyIsRefusedNamingTheFix() throws Exception {
        readings("readings_nokey");
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE readings (id BIGINT, sensor STRING, v INT)" + with("readings_nokey"));
        env.executeSql("CREATE TABLE counts (sensor STRING, n BIGINT)" + with("counts"));

        assertThatThrownBy(() -> env.executeSql("INSERT INTO counts SELECT sensor, COUNT(*) FROM readings GROUP BY sensor"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Table sink 'counts' (connector 'jdbc') receives updates from the query but declares no primary key; "
                        + "declare the key the query groups by, e.g. PRIMARY KEY (sensor) NOT ENFORCED, so the updates are written as upserts");
    }

    @Test
    void withBothFlushTriggersOffEveryRowIsWrittenAtOnce() throws Exception {
        readings("readings_unbuffered");
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS unbuffered", "CREATE TABLE unbuffered (sensor VARCHAR(20) PRIMARY KEY, n BIGINT NOT NULL)");
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE readings (id BIGINT, sensor STRING, v INT)" + with("readings_unbuffered"));
        env.executeSql("CREATE TABLE unbuffered (sensor STRING, n BIGINT, PRIMARY KEY (sensor) NOT ENFORCED)" + with("unbuffered",
                "'sink.buffer-flush.max-rows' = '0'", "'sink.buffer-flush.interval' = '0'"));
        env.executeSql("CREATE TABLE negative (sensor STRING, n BIGINT)" + with("unbuffered", "'sink.buffer-flush.max-rows' = '-1'"));

        env.executeSql("INSERT INTO unbuffered SELECT sensor, COUNT(*) FROM readings GROUP BY sensor").await();

        assertThat(SharedPostgres.rows(PG, "SELECT sensor, n FROM unbuffered ORDER BY sensor"))
                .containsExactly("sensor-0,200", "sensor-1,200", "sensor-2,200", "sensor-3,200", "sensor-4,200");
        assertThatThrownBy(() -> env.executeSql("INSERT INTO negative SELECT sensor, v FROM readings")).isInstanceOf(ValidationException.class)
                .hasMessage("Option 'sink.buffer-flush.max-rows' of table 'negative' must not be negative, was '-1'");
    }

    @Test
    void aBadLookupOptionAndUnknownDatabasesAreRefusedWhenTheTableIsUsed() {
        TableEnvironment env = env();
        env.executeSql("CREATE TABLE cached (id BIGINT)" + with("cached", "'lookup.max-retries' = 'twice'"));
        env.executeSql("CREATE TABLE oracle (id BIGINT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:oracle:thin:@db:1521/x', "
                + "'table-name' = 'o')");

        assertThatThrownBy(() -> env.executeSql("SELECT * FROM cached")).isInstanceOf(ValidationException.class)
                .hasMessage("Option 'lookup.max-retries' of table 'cached' must be a whole number of at least 0, was 'twice'");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM oracle")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Could not find any jdbc dialect factory that can handle url 'jdbc:oracle:thin:@db:1521/x' "
                        + "of table 'oracle'");
    }
}
