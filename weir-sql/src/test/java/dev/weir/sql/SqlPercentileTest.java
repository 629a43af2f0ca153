package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PERCENTILE(expr, percentage [, frequency]) gives Flink 2.3's rows, last digits included (each expected row below was
 * recorded by running the same query on Flink 2.3), in GROUP BY (updating, and over an updating input, retracting) and
 * in window aggregates, and refuses while planning a percentage that is no literal from 0 to 1.
 */
class SqlPercentileTest {
    @TempDir
    Path dir;

    private TableEnvironment bids(int parallelism) throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", String.valueOf(parallelism));
        Path in = SqlTestSupport.csv(dir, "bids", "2020-04-15 08:05:00,4.00,C,supplier1", "2020-04-15 08:07:00,2.00,A,supplier1",
                "2020-04-15 08:09:00,5.00,D,supplier2", "2020-04-15 08:11:00,3.00,B,supplier2", "2020-04-15 08:13:00,1.00,E,supplier1",
                "2020-04-15 08:17:00,6.00,F,supplier2", "2020-04-15 08:17:00,2.50,C,supplier3", "2020-04-15 08:29:59.999,7.25,A,supplier1");
        env.executeSql("CREATE TABLE bids (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier STRING, "
                + "WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'csv')");
        return env;
    }

    @Test
    void aGroupByUpdatesTheInterpolatedPercentileWithFlinksDigitsAndFrequencies() throws Exception {
        assertThat(rows(bids(1), "SELECT supplier, PERCENTILE(price, 0.9), PERCENTILE(price, 0.5, 2), "
                + "PERCENTILE(CAST(price AS DOUBLE), 0), PERCENTILE(price, 1) FROM bids GROUP BY supplier")).containsExactly(
                "+I[supplier1, 4.0, 4.0, 4.0, 4.0]", "-U[supplier1, 4.0, 4.0, 4.0, 4.0]", "+U[supplier1, 3.8, 3.0, 2.0, 4.0]",
                "+I[supplier2, 5.0, 5.0, 5.0, 5.0]", "-U[supplier2, 5.0, 5.0, 5.0, 5.0]",
                "+U[supplier2, 4.800000000000001, 4.0, 3.0, 5.0]", "-U[supplier1, 3.8, 3.0, 2.0, 4.0]",
                "+U[supplier1, 3.5999999999999996, 2.0, 1.0, 4.0]", "-U[supplier2, 4.800000000000001, 4.0, 3.0, 5.0]",
                "+U[supplier2, 5.8, 5.0, 3.0, 6.0]", "+I[supplier3, 2.5, 2.5, 2.5, 2.5]",
                "-U[supplier1, 3.5999999999999996, 2.0, 1.0, 4.0]", "+U[supplier1, 6.275, 3.0, 1.0, 7.25]");
    }

    @Test
    void overAnUpdatingInputARetractedValueLeavesThePercentileAndAnUnchangedResultIsNotEmittedAgain() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        Path in = SqlTestSupport.csv(dir, "people", "1,Alice,34,88.5", "2,Bob,,72.0", "3,,27,", "4,Dan,45,91.25", "5,Eve,27,60.0",
                "6,Bob,52,72.0");
        env.executeSql("CREATE TABLE people (id INT, name STRING, age INT, score DOUBLE) WITH ('connector' = 'filesystem', "
                + "'path' = '" + in + "', 'format' = 'csv', 'csv.null-literal' = '')");
        assertThat(rows(env, "SELECT PERCENTILE(c, 0.9) FROM (SELECT name, COUNT(*) AS c FROM people GROUP BY name)"))
                .containsExactly("+I[1.0]", "-U[1.0]", "+U[1.5999999999999996]");
        assertThat(rows(env, "SELECT name, PERCENTILE(age, 0.3), PERCENTILE(score, ARRAY[0.25, 0.75]), PERCENTILE(age, 0.5, id) "
                + "FROM people GROUP BY name")).containsExactly("+I[Alice, 34.0, [88.5, 88.5], 34.0]",
                "+I[Bob, null, [72.0, 72.0], null]", "+I[null, 27.0, null, 27.0]", "+I[Dan, 45.0, [91.25, 91.25], 45.0]",
                "+I[Eve, 27.0, [60.0, 60.0], 27.0]", "-U[Bob, null, [72.0, 72.0], null]", "+U[Bob, 52.0, [72.0, 72.0], 52.0]");
    }

    @Test
    void windowAggregatesGiveOnePercentileOrAnArrayOfThemPerWindow() throws Exception {
        assertThat(rows(bids(2), "SELECT window_start, supplier, PERCENTILE(price, 0.9), PERCENTILE(price, ARRAY[0.1, 0.9]) "
                + "FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end, "
                + "supplier")).containsExactlyInAnyOrder("+I[2020-04-15T08:00, supplier1, 3.8, [2.2, 3.8]]",
                "+I[2020-04-15T08:00, supplier2, 5.0, [5.0, 5.0]]",
                "+I[2020-04-15T08:10, supplier2, 5.699999999999999, [3.3000000000000003, 5.699999999999999]]",
                "+I[2020-04-15T08:10, supplier1, 1.0, [1.0, 1.0]]", "+I[2020-04-15T08:10, supplier3, 2.5, [2.5, 2.5]]",
                "+I[2020-04-15T08:20, supplier1, 7.25, [7.25, 7.25]]");
        assertThat(rows(bids(2), "SELECT window_start, PERCENTILE(price, 0.9) FROM TABLE(HOP(TABLE bids, DESCRIPTOR(bidtime), "
                + "INTERVAL '5' MINUTES, INTERVAL '10' MINUTES)) GROUP BY window_start, window_end")).containsExactlyInAnyOrder(
                "+I[2020-04-15T08:00, 4.8]", "+I[2020-04-15T08:05, 4.6]", "+I[2020-04-15T08:10, 5.1000000000000005]",
                "+I[2020-04-15T08:15, 5.6499999999999995]", "+I[2020-04-15T08:20, 7.25]", "+I[2020-04-15T08:25, 7.25]");
    }

    @Test
    void aPercentageThatIsNoLiteralFromZeroToOneIsRefusedWithItsPlace() throws Exception {
        TableEnvironment env = bids(1);
        Throwable refusal = catchThrowable(() -> env.executeSql("SELECT\n  PERCENTILE(price, 1.5) FROM bids"));
        assertThat(refusal).isInstanceOf(ValidationException.class).hasMessage("SQL validation failed. From line 2, column 3 to "
                + "line 2, column 24: Cannot apply 'PERCENTILE' to arguments of type 'PERCENTILE(<DECIMAL(10, 2)>, "
                + "<DECIMAL(2, 1)>)'. Supported form(s): PERCENTILE(<NUMERIC>, <NUMERIC literal from 0 to 1>)\n"
                + "PERCENTILE(<NUMERIC>, ARRAY[<NUMERIC literals from 0 to 1>])\n"
                + "PERCENTILE(<NUMERIC>, <percentage>, <INTEGER frequency>)");
        assertThat(catchThrowable(() -> env.executeSql("SELECT PERCENTILE(price, price) FROM bids")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Cannot apply 'PERCENTILE'");
        assertThat(catchThrowable(() -> env.executeSql("SELECT PERCENTILE(item, 0.5) FROM bids")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Cannot apply 'PERCENTILE'");
    }
}
