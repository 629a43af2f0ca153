package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MATCH_RECOGNIZE ... ONE ROW PER MATCH on the ticker of Flink's "Pattern Recognition" page: the documented price drop,
 * quantifiers, AFTER MATCH SKIP strategies and aggregates over a variable's rows, on both state backends; what Weir
 * does not run is refused while planning, with its place and what to write instead.
 */
class SqlMatchRecognizeTest {
    @TempDir
    Path dir;

    /** Flink's documented ACME prices, and BETA's rows arriving out of order within the watermark's three seconds. */
    private TableEnvironment ticker(String backend) throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("state.backend.type", backend);
        Path in = SqlTestSupport.csv(dir, "ticker-" + backend,
                "ACME,2011-04-01 10:00:00,12,1", "BETA,2011-04-01 10:00:00,10,1",
                "ACME,2011-04-01 10:00:01,17,2", "BETA,2011-04-01 10:00:02,8,1",
                "ACME,2011-04-01 10:00:02,19,1", "BETA,2011-04-01 10:00:01,9,1",
                "ACME,2011-04-01 10:00:03,21,3", "BETA,2011-04-01 10:00:03,7,2",
                "ACME,2011-04-01 10:00:04,25,2", "BETA,2011-04-01 10:00:04,12,2",
                "ACME,2011-04-01 10:00:05,18,1", "BETA,2011-04-01 10:00:06,13,1",
                "ACME,2011-04-01 10:00:06,15,1", "BETA,2011-04-01 10:00:05,11,3",
                "ACME,2011-04-01 10:00:07,14,2", "BETA,2011-04-01 10:00:07,6,1",
                "ACME,2011-04-01 10:00:08,24,2", "BETA,2011-04-01 10:00:08,14,2",
                "ACME,2011-04-01 10:00:09,25,2", "ACME,2011-04-01 10:00:10,19,1");
        env.executeSql("CREATE TABLE ticker (symbol STRING, rowtime TIMESTAMP(3), price BIGINT, tax BIGINT, "
                + "WATERMARK FOR rowtime AS rowtime - INTERVAL '3' SECOND) WITH ('connector' = 'filesystem', "
                + "'path' = '" + in + "', 'format' = 'csv')");
        return env;
    }

    private static String match(String measures, String skip, String pattern, String define) {
        return "SELECT * FROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY rowtime MEASURES " + measures
                + " ONE ROW PER MATCH AFTER MATCH " + skip + " PATTERN (" + pattern + ") DEFINE " + define + ")";
    }

    private static final String FIRST_LAST = "FIRST(A.price) AS a_price, LAST(B.price) AS b_last, LAST(C.price) AS c_price";
    /** B: each lower than the row before (A's for the first B; PREV(.., 1) is refused, as in Flink); C: above A. */
    private static final String DOWN_UP = "B AS (LAST(B.price, 1) IS NULL AND B.price < A.price) OR B.price < LAST(B.price, 1), "
            + "C AS C.price > A.price";

    private static List<String> sorted(TableEnvironment env, String query) throws Exception {
        List<String> rows = SqlTestSupport.rows(env, query);
        rows.sort(null);
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void thePriceDropOfFlinksDocumentationIsFoundInEachSymbolAfterItsRowsAreSortedByTime(String backend) throws Exception {
        TableEnvironment env = ticker(backend);
        String query = "SELECT * FROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY rowtime "
                + "MEASURES START_ROW.rowtime AS start_tstamp, LAST(PRICE_DOWN.rowtime) AS bottom_tstamp, "
                + "LAST(PRICE_UP.rowtime) AS end_tstamp ONE ROW PER MATCH AFTER MATCH SKIP TO LAST PRICE_UP "
                + "PATTERN (START_ROW PRICE_DOWN+ PRICE_UP) DEFINE PRICE_DOWN AS (LAST(PRICE_DOWN.price, 1) IS NULL AND "
                + "PRICE_DOWN.price < START_ROW.price) OR PRICE_DOWN.price < LAST(PRICE_DOWN.price, 1), "
                + "PRICE_UP AS PRICE_UP.price > LAST(PRICE_DOWN.price, 1))";

        // ACME's row is the one Flink's documentation shows; BETA's 10:00:01 arrives after 10:00:02 and is sorted first.
        assertThat(sorted(env, query)).containsExactly(
                "+I[ACME, 2011-04-01T10:00:04, 2011-04-01T10:00:07, 2011-04-01T10:00:08]",
                "+I[BETA, 2011-04-01T10:00, 2011-04-01T10:00:03, 2011-04-01T10:00:04]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aggregatesOverAVariablesRowsConditionAndMeasureTheMatch(String backend) throws Exception {
        TableEnvironment env = ticker(backend);
        String query = match("FIRST(A.rowtime) AS start_tstamp, LAST(A.rowtime) AS end_tstamp, AVG(A.price) AS avg_price, "
                + "SUM(A.tax) AS taxes, COUNT(A.price) AS n", "SKIP PAST LAST ROW", "A+ B", "A AS AVG(A.price) < 15");

        // AVG of a BIGINT is a BIGINT: (12 + 17) / 2 = 14.
        assertThat(sorted(env, query)).containsExactly(
                "+I[ACME, 2011-04-01T10:00, 2011-04-01T10:00:01, 14, 3, 2]",
                "+I[ACME, 2011-04-01T10:00:07, 2011-04-01T10:00:07, 14, 2, 1]");
    }

    @Test
    void greedyAndReluctantQuantifiersPreferLongerAndShorterMatches() throws Exception {
        TableEnvironment env = ticker("hashmap");

        assertThat(sorted(env, match(FIRST_LAST, "SKIP PAST LAST ROW", "A B+ C", DOWN_UP))).containsExactly(
                "+I[ACME, 18, 14, 24]", "+I[BETA, 10, 7, 12]", "+I[BETA, 13, 6, 14]");
        assertThat(sorted(env, match(FIRST_LAST, "SKIP PAST LAST ROW", "A B* C", DOWN_UP))).containsExactly(
                "+I[ACME, 12, null, 17]", "+I[ACME, 18, 14, 24]", "+I[ACME, 19, null, 21]", "+I[BETA, 10, 7, 12]",
                "+I[BETA, 11, null, 13]", "+I[BETA, 6, null, 14]");
        assertThat(sorted(env, match(FIRST_LAST, "SKIP PAST LAST ROW", "A B{2} C", DOWN_UP))).containsExactly(
                "+I[ACME, 18, 14, 24]", "+I[BETA, 9, 7, 12]");
        assertThat(sorted(env, match(FIRST_LAST, "SKIP PAST LAST ROW", "A B{1,2} C", DOWN_UP))).containsExactly(
                "+I[ACME, 18, 14, 24]", "+I[BETA, 13, 6, 14]", "+I[BETA, 9, 7, 12]");
    }

    @Test
    void skipToNextRowFindsOverlappingMatches() throws Exception {
        TableEnvironment env = ticker("hashmap");

        assertThat(sorted(env, match(FIRST_LAST, "SKIP TO NEXT ROW", "A B+ C", DOWN_UP))).containsExactly(
                "+I[ACME, 15, 14, 24]", "+I[ACME, 18, 14, 24]", "+I[BETA, 10, 7, 12]", "+I[BETA, 12, 11, 13]",
                "+I[BETA, 13, 6, 14]", "+I[BETA, 8, 7, 12]", "+I[BETA, 9, 7, 12]");
    }

    @Test
    void allRowsPerMatchIsRefusedWithItsPlaceAndWhatToWrite() throws Exception {
        TableEnvironment env = ticker("hashmap");

        assertThatThrownBy(() -> env.executeSql("SELECT *\nFROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY rowtime "
                + "MEASURES A.price AS p ALL ROWS PER MATCH PATTERN (A B) DEFINE B AS B.price > A.price)"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 2, column 13")
                .hasMessageContaining("MATCH_RECOGNIZE with ALL ROWS PER MATCH is not supported by Weir SQL yet; write ONE ROW PER MATCH");
    }

    @Test
    void prevWithAnOffsetAndMatchNumberAreRefusedAsFlinkRefusesThem() throws Exception {
        TableEnvironment env = ticker("hashmap");

        assertThatThrownBy(() -> env.executeSql(match("A.price AS p", "SKIP PAST LAST ROW", "A B", "B AS B.price > PREV(B.price)")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 1, column 22")
                .hasMessageContaining("Flink does not support physical offsets within partition: PREV(var.column, 1) is refused; "
                        + "write LAST(var.column, n)");
        assertThatThrownBy(() -> env.executeSql(match("A.price AS p, CLASSIFIER() AS c", "SKIP PAST LAST ROW", "A B",
                "B AS B.price > A.price")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("MATCH_RECOGNIZE with CLASSIFIER() is not supported by Weir SQL yet; Flink 2.3 does not support it");
    }

    @Test
    void anOrderByThatIsNotTheRowtimeIsRefusedWithItsPlaceAndWhatToWrite() throws Exception {
        TableEnvironment env = ticker("hashmap");

        assertThatThrownBy(() -> env.executeSql("SELECT * FROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY price "
                + "MEASURES A.price AS p PATTERN (A B) DEFINE B AS B.price > A.price)"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 1, column 22")
                .hasMessageContaining("You must specify either rowtime or proctime for order by as the first one; write ORDER BY rowtime");
    }
}
