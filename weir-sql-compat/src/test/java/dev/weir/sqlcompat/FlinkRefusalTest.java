package dev.weir.sqlcompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries Flink 2.3's planner refuses on streaming tables are refused by Weir too, at planning time, with Flink's
 * message (recorded from Flink in the run) followed by what to write instead. No job runs: both refuse while planning.
 */
class FlinkRefusalTest {
    private static final String TUMBLE = "TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))";

    @TempDir
    Path dir;

    private org.apache.flink.table.api.TableEnvironment flink;
    private dev.weir.table.api.TableEnvironment weir;

    @BeforeEach
    void tables() throws Exception {
        flink = org.apache.flink.table.api.TableEnvironment.create(
                org.apache.flink.table.api.EnvironmentSettings.inStreamingMode());
        weir = dev.weir.table.api.TableEnvironment.create(dev.weir.table.api.EnvironmentSettings.inStreamingMode());
        List<String> ddl = new java.util.ArrayList<>(SqlCases.tables(dir));
        ddl.addAll(SortLimitCases.tables(dir));
        for (String statement : ddl) {
            flink.executeSql(statement);
            weir.executeSql(statement);
        }
    }

    @Test
    void rankAndDenseRankTopNAreRefusedWithFlinksMessage() {
        for (String function : List.of("RANK", "DENSE_RANK")) {
            String message = refusedByBoth("SELECT * FROM (SELECT name, age, " + function + "() OVER (ORDER BY age) AS r "
                    + "FROM people) WHERE r <= 3");
            assertThat(message).isEqualTo(function + "() on streaming table is not supported currently; write ROW_NUMBER() "
                    + "(rows with equal ORDER BY values then rank in arrival order)");
        }
    }

    @Test
    void rankAndDenseRankWindowTopNAreRefusedWithFlinksMessage() {
        for (String function : List.of("RANK", "DENSE_RANK")) {
            String message = refusedByBoth("SELECT window_start, item, r FROM (SELECT *, " + function + "() OVER ("
                    + "PARTITION BY window_start, window_end ORDER BY price DESC) AS r FROM " + TUMBLE + ") WHERE r <= 2");
            assertThat(message).isEqualTo(function + "() function is not supported on Window TopN currently, only ROW_NUMBER() "
                    + "is supported.");
        }
    }

    @Test
    void anOffsetWithoutFetchAndADescendingProcessingTimeSortAreRefusedWithFlinksMessageAndPlace() {
        Throwable offsetOnly = refusedAtPlanning("SELECT item\nFROM bids\nORDER BY price OFFSET 2");
        assertThat(offsetOnly).hasMessageStartingWith("At line 3, column 1: FETCH is missed, which on streaming table is "
                + "not supported currently.");
        Throwable descending = refusedAtPlanning("SELECT item FROM pbids ORDER BY pt DESC");
        assertThat(descending).hasMessageStartingWith("At line 1, column 24: Sort on a non-time-attribute field is not "
                + "supported.");
    }

    @Test
    void jsonAggregatesInAHopWindowAggregateAreRefusedWithFlinksMessageAndPlace() {
        String query = "SELECT window_start, JSON_ARRAYAGG(item)\nFROM TABLE(HOP(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, "
                + "INTERVAL '10' MINUTES)) GROUP BY window_start, window_end";
        Throwable flinkError = catchThrowable(() -> flink.executeSql(query).await());
        assertThat(flinkError).as("Flink refuses " + query).isInstanceOf(org.apache.flink.table.api.ValidationException.class);
        Throwable weirError = catchThrowable(() -> weir.executeSql(query));
        assertThat(weirError).as("Weir refuses " + query).isInstanceOf(dev.weir.table.api.ValidationException.class);
        assertThat(weirError.getMessage()).startsWith("At line 2, column 12: ").contains(flinkError.getMessage())
                .endsWith("aggregate per TUMBLE or CUMULATE window instead");
    }

    @Test
    void jsonOutsideTheValuesOfJsonObjectAndJsonArrayIsRefusedWithFlinksMessageAndPlace() {
        for (String query : List.of("SELECT item,\n  JSON(item) FROM bids", "SELECT UPPER(JSON(item)) FROM bids",
                "SELECT JSON_OBJECT(KEY JSON('{}') VALUE 1) FROM bids", "SELECT JSON_ARRAYAGG(JSON(item)) FROM bids")) {
            Throwable flinkError = catchThrowable(() -> flink.executeSql(query).await());
            assertThat(flinkError).as("Flink refuses " + query).isInstanceOf(org.apache.flink.table.api.ValidationException.class);
            Throwable weirError = catchThrowable(() -> weir.executeSql(query));
            assertThat(weirError).as("Weir refuses " + query).isInstanceOf(dev.weir.table.api.ValidationException.class);
            assertThat(weirError.getMessage()).matches("At line \\d, column \\d+: .*").endsWith(": " + flinkError.getMessage());
        }
    }

    /**
     * Weir's refusal, a {@link dev.weir.table.api.ValidationException} that names the line and column, after checking
     * that Flink refuses {@code query} too and that Weir's message carries Flink's.
     */
    private Throwable refusedAtPlanning(String query) {
        Throwable flinkError = catchThrowable(() -> flink.executeSql(query).await());
        assertThat(flinkError).as("Flink refuses " + query).isInstanceOf(org.apache.flink.table.api.TableException.class);
        Throwable weirError = catchThrowable(() -> weir.executeSql(query));
        assertThat(weirError).as("Weir refuses " + query).isInstanceOf(dev.weir.table.api.ValidationException.class);
        assertThat(weirError.getMessage()).contains(flinkError.getMessage());
        return weirError;
    }

    /** Weir's message, after checking that Flink refuses {@code query} too and that Weir's message starts with Flink's. */
    private String refusedByBoth(String query) {
        Throwable flinkError = catchThrowable(() -> flink.executeSql(query).await());
        assertThat(flinkError).as("Flink refuses " + query).isInstanceOf(org.apache.flink.table.api.TableException.class);
        Throwable weirError = catchThrowable(() -> weir.executeSql(query));
        assertThat(weirError).as("Weir refuses " + query).isInstanceOf(dev.weir.table.api.TableException.class);
        assertThat(weirError.getMessage()).startsWith(flinkError.getMessage());
        return weirError.getMessage();
    }
}
