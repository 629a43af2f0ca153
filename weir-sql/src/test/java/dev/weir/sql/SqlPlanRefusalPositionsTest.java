package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query Weir cannot run is refused while planning with the line and column of what it refuses, for the client's caret. */
class SqlPlanRefusalPositionsTest {
    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        Path in = csv(dir, "clicks", "a,1");
        env.executeSql("CREATE TABLE clicks (u STRING, n INT, p AS PROCTIME()) WITH ('connector' = 'filesystem', 'path' = '"
                + in + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE random_names (n INT, name STRING, ts TIMESTAMP(3)) WITH ('connector' = 'datagen')");
    }

    @Test
    void anOrderByOnAStreamIsRefusedAtTheOrderBy() {
        assertThatThrownBy(() -> env.executeSql("SELECT u\nFROM clicks\nORDER BY n")).isInstanceOf(ValidationException.class)
                .hasMessage("At line 3, column 1: Sort on a non-time-attribute field is not supported. Order the rows by an "
                        + "ascending time attribute first (ORDER BY rowtime, other columns), or keep a Top-N with LIMIT");
    }

    @Test
    void anOrderByOnDescendingProcessingTimeIsRefusedAtTheOrderBy() {
        assertThatThrownBy(() -> env.executeSql("SELECT u\nFROM clicks\nORDER BY p DESC, n")).isInstanceOf(ValidationException.class)
                .hasMessage("At line 3, column 1: Sort on a non-time-attribute field is not supported. Order the rows by an "
                        + "ascending time attribute first (ORDER BY rowtime, other columns), or keep a Top-N with LIMIT");
    }

    @Test
    void anOffsetWithoutFetchOnAStreamIsRefusedAtTheOrderBy() {
        assertThatThrownBy(() -> env.executeSql("SELECT u\nFROM clicks\nORDER BY n OFFSET 2")).isInstanceOf(ValidationException.class)
                .hasMessage("At line 3, column 1: FETCH is missed, which on streaming table is not supported currently. Add a "
                        + "LIMIT (ORDER BY .. LIMIT n OFFSET m is a Top-N of the rows so far)");
    }

    @Test
    void aUnionWithoutAllIsRefusedAtTheUnion() {
        assertThatThrownBy(() -> env.executeSql("SELECT u FROM clicks\nUNION\nSELECT u FROM clicks"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("At line 1, column 1: UNION without ALL is not supported yet; write UNION ALL, and SELECT DISTINCT "
                        + "over it if duplicates must go");
    }

    @Test
    void anUnsupportedFunctionIsRefusedAtItsCall() {
        assertThatThrownBy(() -> env.executeSql("SELECT u,\n  CBRT(n) FROM clicks")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("At line 2, column 3: Weir SQL does not support CBRT yet; supported are ");
    }

    @Test
    void aWindowOnAColumnThatIsNoTimeAttributeIsRefusedAtTheWindowFunction() {
        assertThatThrownBy(() -> env.executeSql("SELECT window_start, COUNT(*)\nFROM TABLE(TUMBLE(TABLE random_names, DESCRIPTOR(ts), "
                + "INTERVAL '1' MINUTE))\nGROUP BY window_start, window_end")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("At line 2, column 12: The window function TUMBLE(TABLE ..., DESCRIPTOR(ts), ...) "
                        + "requires the timecol to be a time attribute, but 'ts' is not one.");
    }

    @Test
    void ofTwoWindowFunctionsTheRefusedOneIsNamedNotTheFirst() {
        // The first TUMBLE is on a processing-time attribute and runs; the second is refused, at its own place.
        assertThatThrownBy(() -> env.executeSql("SELECT window_start, COUNT(*) AS c\n"
                + "FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(p), INTERVAL '1' MINUTE))\n"
                + "GROUP BY window_start, window_end\n"
                + "UNION ALL\n"
                + "SELECT window_start, COUNT(*) AS c\n"
                + "FROM TABLE(  TUMBLE(TABLE random_names, DESCRIPTOR(ts), INTERVAL '1' MINUTE))\n"
                + "GROUP BY window_start, window_end")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("At line 6, column 14: The window function TUMBLE(TABLE ..., DESCRIPTOR(ts), ...) "
                        + "requires the timecol to be a time attribute, but 'ts' is not one.");
    }

    @Test
    void aLookupJoinOnATableWithoutLookupsIsRefusedAtTheLookedUpTable() {
        assertThatThrownBy(() -> env.executeSql("SELECT c.u, r.name FROM clicks AS c\nJOIN random_names FOR SYSTEM_TIME AS OF c.p "
                + "AS r ON c.n = r.n")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("At line 2, column 6: Weir cannot run this query: FOR SYSTEM_TIME AS OF a processing-time "
                        + "attribute makes [random_names] a lookup table, but its connector 'datagen' cannot look rows up by key.");
    }
}
