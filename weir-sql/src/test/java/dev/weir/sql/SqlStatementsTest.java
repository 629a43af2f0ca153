package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.ResultKind;
import dev.weir.table.api.SqlParserException;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** DDL, SHOW, DESCRIBE, views, print layout, and the planning-time errors with their positions. */
class SqlStatementsTest {
    static final String BIDS = "CREATE TABLE bids (\n"
            + "  bidtime TIMESTAMP(3),\n"
            + "  price DECIMAL(10, 2),\n"
            + "  item STRING NOT NULL,\n"
            + "  doubled AS price * 2,\n"
            + "  WATERMARK FOR bidtime AS bidtime - INTERVAL '5' SECOND,\n"
            + "  PRIMARY KEY (item) NOT ENFORCED\n"
            + ") WITH ('connector' = 'datagen', 'number-of-rows' = '3')";

    @Test
    void createTableReturnsOkAndShowTablesListsTablesAndViewsSorted() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        TableResult created = env.executeSql(BIDS);
        assertThat(created.getResultKind()).isEqualTo(ResultKind.SUCCESS);
        env.executeSql("CREATE VIEW cheap AS SELECT item FROM bids WHERE price < 10");
        assertThat(rows(env, "SHOW TABLES")).containsExactly("+I[bids]", "+I[cheap]");
        assertThat(rows(env, "SHOW VIEWS")).containsExactly("+I[cheap]");
        assertThat(env.listTables()).containsExactly("bids", "cheap");
    }

    @Test
    void describeShowsTypesRowtimeKeyComputedColumnAndWatermark() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(BIDS);
        assertThat(rows(env, "DESCRIBE bids")).containsExactly(
                "+I[bidtime, TIMESTAMP(3) *ROWTIME*, true, null, null, `bidtime` - INTERVAL '5' SECOND]",
                "+I[price, DECIMAL(10, 2), true, null, null, null]",
                "+I[item, STRING, false, PRI(item), null, null]",
                "+I[doubled, DECIMAL(21, 2), true, null, AS `price` * 2, null]");
    }

    @Test
    void dropTableRemovesItAndDroppingAMissingTableNamesIfExists() {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(BIDS);
        env.executeSql("DROP TABLE bids");
        assertThat(env.listTables()).isEmpty();
        assertThatThrownBy(() -> env.executeSql("DROP TABLE bids")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("DROP TABLE IF EXISTS");
        env.executeSql("DROP TABLE IF EXISTS bids");
    }

    @Test
    void printShowsFlinksTableauLayoutWithTheOpColumn() {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            env.executeSql("SELECT name, score FROM (VALUES ('Alice', 12), ('Bob', CAST(NULL AS INT))) AS t(name, score)").print();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "+----+-------+-------------+",
                "| op |  name |       score |",
                "+----+-------+-------------+",
                "| +I | Alice |          12 |",
                "| +I |   Bob |      <NULL> |",
                "+----+-------+-------------+",
                "Received a total of 2 rows", ""));
    }

    @Test
    void anUnknownColumnFailsAtPlanningWithItsLineAndColumn() {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(BIDS);
        assertThatThrownBy(() -> env.sqlQuery("SELECT item,\n  prise FROM bids")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("SQL validation failed. From line 2, column 3 to line 2, column 7: Column 'prise' not found in any table");
    }

    @Test
    void aSyntaxErrorNamesTheLineAndColumn() {
        TableEnvironment env = SqlTestSupport.env();
        assertThatThrownBy(() -> env.sqlQuery("SELECT a FROM t WHERE")).isInstanceOf(SqlParserException.class)
                .hasMessageStartingWith("SQL parse failed. Encountered \"<EOF>\" at line 1, column 21.");
    }

    @Test
    void anUnknownConnectorOptionIsRefusedListingTheValidOnes() {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE t (a INT) WITH ('connector' = 'datagen', 'rows-per-secnd' = '5')");
        assertThatThrownBy(() -> env.sqlQuery("SELECT a FROM t").execute()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Unsupported options found for 'datagen' in table 't'")
                .hasMessageContaining("Unsupported options:\n\nrows-per-secnd")
                .hasMessageContaining("rows-per-second");
    }

    @Test
    void aWindowOnAColumnWithoutWatermarkIsRefusedNamingTheFix() {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE t (ts TIMESTAMP(3), a INT) WITH ('connector' = 'datagen')");
        assertThatThrownBy(() -> env.executeSql("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), "
                + "INTERVAL '1' MINUTE)) GROUP BY window_start, window_end")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("requires the timecol to be a time attribute, but 'ts' is not one")
                .hasMessageContaining("WATERMARK FOR ts AS");
    }

    @Test
    void aWatermarkOnANonTimestampColumnIsRefusedAtCreateTable() {
        TableEnvironment env = SqlTestSupport.env();
        assertThatThrownBy(() -> env.executeSql("CREATE TABLE t (ts BIGINT, WATERMARK FOR ts AS ts - 5) WITH ('connector' = 'datagen')"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p)")
                .hasMessageContaining("but the time field type is BIGINT");
    }

    @Test
    void anUnknownConnectorListsTheAvailableOnes() {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE t (a INT) WITH ('connector' = 'socket')");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM t")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Could not find any factory for identifier 'socket'")
                .hasMessageContaining("blackhole\ndatagen\nfilesystem\nnexmark\nprint");
    }

    @Test
    void anUnsupportedQueryShapeFailsAtPlanningNamingTheAlternative() {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE t (a INT, b INT) WITH ('connector' = 'datagen')");
        assertThatThrownBy(() -> env.executeSql("SELECT a FROM t ORDER BY b")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Sort on a non-time-attribute field is not supported.");
    }

    @Test
    void batchModeIsRefusedNamingStreamingMode() {
        assertThatThrownBy(() -> TableEnvironment.create(dev.weir.table.api.EnvironmentSettings.inBatchMode()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("EnvironmentSettings.inStreamingMode()");
    }

    @Test
    void datagenSequenceGivesEachValueOnceAcrossParallelSubtasks() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE seq (id BIGINT, v INT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', "
                + "'fields.id.start' = '1', 'fields.id.end' = '6', 'fields.v.min' = '3', 'fields.v.max' = '3')");
        assertThat(rows(env, "SELECT id, v FROM seq")).containsExactlyInAnyOrder("+I[1, 3]", "+I[2, 3]", "+I[3, 3]", "+I[4, 3]",
                "+I[5, 3]", "+I[6, 3]");
    }
}
