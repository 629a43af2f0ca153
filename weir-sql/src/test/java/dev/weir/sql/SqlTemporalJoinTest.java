package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event-time temporal joins through SQL ({@code JOIN rates FOR SYSTEM_TIME AS OF o.order_time}): each order is joined
 * with the rate valid at the order's time, from a versioned table (PRIMARY KEY and WATERMARK) or a deduplicated view.
 * The exact operator behaviour (firing on the watermark, state cleanup) is in TemporalRowTimeJoinFunctionTest.
 */
class SqlTemporalJoinTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        Path orders = csv(dir, "orders", "1,EUR,10,2020-01-01 00:00:05", "2,EUR,20,2020-01-01 00:00:15",
                "3,USD,30,2020-01-01 00:00:20", "4,GBP,40,2020-01-01 00:00:25", "5,USD,50,2020-01-01 00:00:40");
        Path rates = csv(dir, "rates", "EUR,114,2020-01-01 00:00:00", "USD,100,2020-01-01 00:00:02",
                "EUR,116,2020-01-01 00:00:10", "USD,99,2020-01-01 00:00:30", "EUR,120,2020-01-01 00:00:45");
        env.executeSql("CREATE TABLE orders (id INT, currency STRING, amount INT, order_time TIMESTAMP(3), "
                + "WATERMARK FOR order_time AS order_time) WITH ('connector' = 'filesystem', 'path' = '" + orders
                + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE rates (currency STRING, rate INT, update_time TIMESTAMP(3), PRIMARY KEY (currency) NOT "
                + "ENFORCED, WATERMARK FOR update_time AS update_time) WITH ('connector' = 'filesystem', 'path' = '" + rates
                + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE rate_log (currency STRING, rate INT, update_time TIMESTAMP(3), "
                + "WATERMARK FOR update_time AS update_time) WITH ('connector' = 'filesystem', 'path' = '" + rates
                + "', 'format' = 'csv')");
    }

    @Test
    void eachOrderIsJoinedWithTheVersionValidAtItsTimeAndOrdersWithoutOneAreDropped() throws Exception {
        assertThat(rows(env, "SELECT o.id, o.amount * r.rate, r.update_time FROM orders AS o "
                + "JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency"))
                .containsExactlyInAnyOrder("+I[1, 1140, 2020-01-01T00:00]", "+I[2, 2320, 2020-01-01T00:00:10]",
                        "+I[3, 3000, 2020-01-01T00:00:02]", "+I[5, 4950, 2020-01-01T00:00:30]");
    }

    @Test
    void aLeftTemporalJoinPadsOrdersWithoutAValidVersionWithNulls() throws Exception {
        assertThat(rows(env, "SELECT o.id, r.rate FROM orders AS o "
                + "LEFT JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency AND r.rate > 100"))
                .containsExactlyInAnyOrder("+I[1, 114]", "+I[2, 116]", "+I[3, null]", "+I[4, null]", "+I[5, null]");
    }

    @Test
    void aDeduplicatedViewKeepingTheLastRowPerKeyIsAVersionedTable() throws Exception {
        env.executeSql("CREATE VIEW versioned_rates AS SELECT currency, rate, update_time FROM (SELECT *, ROW_NUMBER() OVER "
                + "(PARTITION BY currency ORDER BY update_time DESC) AS rn FROM rate_log) WHERE rn = 1");

        assertThat(rows(env, "SELECT o.id, r.rate FROM orders AS o "
                + "JOIN versioned_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency"))
                .containsExactlyInAnyOrder("+I[1, 114]", "+I[2, 116]", "+I[3, 100]", "+I[5, 99]");
    }

    @Test
    void aVersionedTableWithoutPrimaryKeyIsRefusedNamingWhatToDeclare() {
        assertThatThrownBy(() -> env.executeSql("SELECT o.id, r.rate FROM orders AS o "
                + "JOIN rate_log FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("At line 1, column 43: Temporal Table Join requires primary key in versioned table, but no primary "
                        + "key can be found for [rate_log]. Declare one, e.g. PRIMARY KEY (id) NOT ENFORCED.");
    }

    @Test
    void aTemporalJoinWithoutAnEqualityIsRefused() {
        assertThatThrownBy(() -> env.executeSql("SELECT o.id, r.rate FROM orders AS o "
                + "JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.amount < r.rate"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("At line 1, column 43: Temporal table join requires an equality condition on fields of table "
                        + "[rates]. Add one to the ON clause, e.g. ON o.id = rates.id");
    }

    /** A table with a processing-time attribute. */
    private void payments() throws Exception {
        Path payments = csv(dir, "payments", "1,EUR");
        env.executeSql("CREATE TABLE payments (id INT, currency STRING, proc_time AS PROCTIME()) WITH ('connector' = "
                + "'filesystem', 'path' = '" + payments + "', 'format' = 'csv')");
    }

    @Test
    void aProcessingTimeJoinOnATableWithoutLookupSupportIsRefusedNamingTheAlternatives() throws Exception {
        payments();
        env.executeSql("CREATE TABLE random_rates (currency STRING, rate INT) WITH ('connector' = 'datagen')");

        assertThatThrownBy(() -> env.executeSql("SELECT p.id, r.rate FROM payments AS p "
                + "JOIN random_rates FOR SYSTEM_TIME AS OF p.proc_time AS r ON p.currency = r.currency"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("At line 1, column 45: Weir cannot run this query: FOR SYSTEM_TIME AS OF a processing-time attribute "
                        + "makes [random_rates] a "
                        + "lookup table, but its connector 'datagen' cannot look rows up by key. Use a table whose connector supports "
                        + "lookups ('jdbc', 'filesystem'), or join a versioned table (PRIMARY KEY and WATERMARK) FOR SYSTEM_TIME AS OF the left "
                        + "table's event-time attribute.");
    }

    @Test
    void procTimeIsATimestampLtzColumnFilledWithTheWallClock() throws Exception {
        payments();
        long before = System.currentTimeMillis();

        assertThat(rows(env, "DESCRIBE payments")).contains("+I[proc_time, TIMESTAMP_LTZ(3), false, null, AS `PROCTIME`(), null]");
        assertThat(rows(env, "SELECT id, CAST(proc_time AS BIGINT) >= " + before / 1000 + " FROM payments"))
                .containsExactly("+I[1, true]");
    }
}
