package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.SqlParserException;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flink's catalog statements on Weir's one catalog: SHOW CATALOGS / DATABASES, USE, SHOW CREATE, SHOW COLUMNS, ALTER TABLE. */
class SqlCatalogStatementsTest {
    /** The table of SqlStatementsTest: a rowtime, a computed column, a primary key. */
    private static final String BIDS = SqlStatementsTest.BIDS;

    @TempDir
    Path dir;

    @Test
    void showCatalogsAndDatabasesNameFlinksDefaultCatalogAndDatabase() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        assertThat(rows(env, "SHOW CATALOGS")).containsExactly("+I[default_catalog]");
        assertThat(rows(env, "SHOW CURRENT CATALOG")).containsExactly("+I[default_catalog]");
        assertThat(rows(env, "SHOW DATABASES")).containsExactly("+I[default_database]");
        assertThat(rows(env, "show current database;")).containsExactly("+I[default_database]");
        assertThat(env.executeSql("SHOW CATALOGS").getResolvedSchema().getColumnNames()).containsExactly("catalog name");
        assertThat(env.executeSql("SHOW CURRENT DATABASE").getResolvedSchema().getColumnNames())
                .containsExactly("current database name");
    }

    @Test
    void useAcceptsTheDefaultNamesAndRefusesOthersNamingTheOnlyCatalog() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("USE CATALOG default_catalog");
        env.executeSql("USE default_database");
        env.executeSql("USE default_catalog.default_database");
        assertThatThrownBy(() -> env.executeSql("USE CATALOG hive")).isInstanceOf(ValidationException.class)
                .hasMessage("A catalog with name [hive] does not exist. Weir has one catalog, default_catalog, with one "
                        + "database, default_database; write USE CATALOG default_catalog or leave the statement out");
        assertThatThrownBy(() -> env.executeSql("USE sales")).isInstanceOf(ValidationException.class)
                .hasMessage("A database with name [sales] does not exist in the catalog: [default_catalog]. Weir has one "
                        + "database, default_database; write USE default_database or leave the statement out");
    }

    @Test
    void showCreateTablePrintsFlinksLayoutWithSerializedTypesWatermarkKeyAndOptionsInOrder() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(BIDS);
        assertThat(rows(env, "SHOW CREATE TABLE bids")).containsExactly("+I[CREATE TABLE `default_catalog`.`default_database`.`bids` (\n"
                + "  `bidtime` TIMESTAMP(3),\n"
                + "  `price` DECIMAL(10, 2),\n"
                + "  `item` VARCHAR(2147483647) NOT NULL,\n"
                + "  `doubled` AS `price` * 2,\n"
                + "  WATERMARK FOR `bidtime` AS `bidtime` - INTERVAL '5' SECOND,\n"
                + "  CONSTRAINT `PK_item` PRIMARY KEY (`item`) NOT ENFORCED\n"
                + ") WITH (\n"
                + "  'connector' = 'datagen',\n"
                + "  'number-of-rows' = '3'\n"
                + ")\n]");
    }

    @Test
    void showCreateViewPrintsItsColumnsAndQueryAndEachRefusesTheOtherKind() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(BIDS);
        env.executeSql("CREATE VIEW cheap AS SELECT item, price FROM bids WHERE price < 10");
        assertThat(rows(env, "SHOW CREATE VIEW cheap")).containsExactly("+I[CREATE VIEW "
                + "`default_catalog`.`default_database`.`cheap`(`item`, `price`) as\nSELECT item, price FROM bids WHERE price < 10\n]");
        assertThatThrownBy(() -> env.executeSql("SHOW CREATE TABLE cheap")).isInstanceOf(ValidationException.class)
                .hasMessage("SHOW CREATE TABLE is only supported for tables, but `default_catalog`.`default_database`.`cheap` "
                        + "is a view. Please use SHOW CREATE VIEW instead.");
        assertThatThrownBy(() -> env.executeSql("SHOW CREATE VIEW bids")).isInstanceOf(ValidationException.class)
                .hasMessage("SHOW CREATE VIEW is only supported for views, but `default_catalog`.`default_database`.`bids` "
                        + "is a table. Please use SHOW CREATE TABLE instead.");
    }

    @Test
    void showColumnsListsWhatDescribeListsFilteredByLike() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(BIDS);
        assertThat(rows(env, "SHOW COLUMNS FROM bids")).isEqualTo(rows(env, "DESCRIBE bids"));
        assertThat(rows(env, "SHOW COLUMNS IN bids LIKE '%i%'")).containsExactly(
                "+I[bidtime, TIMESTAMP(3) *ROWTIME*, true, null, null, `bidtime` - INTERVAL '5' SECOND]",
                "+I[price, DECIMAL(10, 2), true, null, null, null]",
                "+I[item, STRING, false, PRI(item), null, null]");
        assertThat(rows(env, "SHOW COLUMNS FROM bids NOT LIKE 'p_ice'")).containsExactly(
                "+I[bidtime, TIMESTAMP(3) *ROWTIME*, true, null, null, `bidtime` - INTERVAL '5' SECOND]",
                "+I[item, STRING, false, PRI(item), null, null]",
                "+I[doubled, DECIMAL(21, 2), true, null, AS `price` * 2, null]");
    }

    @Test
    void alterTableSetAndResetChangeTheOptionsTheNextQueryReads() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.getConfig().set("parallelism.default", "1");
        env.executeSql("CREATE TABLE t (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '"
                + SqlTestSupport.csv(dir, "a", "x,1") + "', 'format' = 'csv')");
        env.executeSql("ALTER TABLE t SET ('path' = '" + SqlTestSupport.csv(dir, "b", "y,2", "z,3") + "', 'csv.ignore-parse-errors' = 'true')");
        assertThat(rows(env, "SELECT k, v FROM t")).containsExactly("+I[y, 2]", "+I[z, 3]");
        env.executeSql("ALTER TABLE t RESET ('csv.ignore-parse-errors')");
        assertThat(rows(env, "SHOW CREATE TABLE t").get(0)).endsWith("  'format' = 'csv'\n)\n]")
                .doesNotContain("ignore-parse-errors");
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE t RESET ('connector')")).isInstanceOf(ValidationException.class)
                .hasMessage("Failed to execute ALTER TABLE statement.\nALTER TABLE RESET does not support changing 'connector'; "
                        + "drop the table and create it with the other connector");
    }

    @Test
    void alterTableRenameToMovesTheTableAndRefusesATakenName() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(BIDS);
        env.executeSql("CREATE TABLE other (a INT) WITH ('connector' = 'datagen')");
        env.executeSql("ALTER TABLE bids RENAME TO offers");
        assertThat(rows(env, "SHOW TABLES")).containsExactly("+I[offers]", "+I[other]");
        assertThat(rows(env, "SHOW CREATE TABLE offers").get(0)).startsWith("+I[CREATE TABLE `default_catalog`.`default_database`.`offers` (");
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE offers RENAME TO other")).isInstanceOf(ValidationException.class)
                .hasMessage("Could not execute ALTER TABLE `default_catalog`.`default_database`.`offers` RENAME TO "
                        + "`default_catalog`.`default_database`.`other`: a table or view named 'other' already exists; choose "
                        + "another name or drop it first");
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE bids SET ('a' = 'b')")).isInstanceOf(ValidationException.class)
                .hasMessage("Table `default_catalog`.`default_database`.`bids` doesn't exist or is a temporary table; write "
                        + "ALTER TABLE IF EXISTS to ignore that");
        env.executeSql("ALTER TABLE IF EXISTS bids SET ('a' = 'b')");
    }

    @Test
    void alterTableAddModifyRenameAndDropColumnsWhereFlinkPutsThem() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(BIDS);
        env.executeSql("ALTER TABLE bids ADD bidder BIGINT FIRST");
        env.executeSql("ALTER TABLE bids ADD (note STRING AFTER price, tripled AS price * 3)");
        env.executeSql("ALTER TABLE bids MODIFY price DECIMAL(12, 2)");
        env.executeSql("ALTER TABLE bids RENAME note TO remark");
        env.executeSql("ALTER TABLE bids DROP (doubled, tripled)");
        assertThat(rows(env, "DESCRIBE bids")).containsExactly(
                "+I[bidder, BIGINT, true, null, null, null]",
                "+I[bidtime, TIMESTAMP(3) *ROWTIME*, true, null, null, `bidtime` - INTERVAL '5' SECOND]",
                "+I[price, DECIMAL(12, 2), true, null, null, null]",
                "+I[remark, STRING, true, null, null, null]",
                "+I[item, STRING, false, PRI(item), null, null]");
    }

    @Test
    void alterTableChangesTheWatermarkAndPrimaryKey() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(BIDS);
        env.executeSql("ALTER TABLE bids MODIFY WATERMARK FOR bidtime AS bidtime - INTERVAL '1' MINUTE");
        env.executeSql("ALTER TABLE bids DROP PRIMARY KEY");
        // As in Flink, the former key column stays NOT NULL.
        assertThat(rows(env, "DESCRIBE bids").get(2)).isEqualTo("+I[item, STRING, false, null, null, null]");
        env.executeSql("ALTER TABLE bids ADD CONSTRAINT pk PRIMARY KEY (item, bidtime) NOT ENFORCED");
        assertThat(rows(env, "SHOW CREATE TABLE bids").get(0)).contains(
                "  WATERMARK FOR `bidtime` AS `bidtime` - INTERVAL '1' MINUTE,\n"
                        + "  CONSTRAINT `PK_item_bidtime` PRIMARY KEY (`item`, `bidtime`) NOT ENFORCED\n");
        env.executeSql("ALTER TABLE bids DROP WATERMARK");
        assertThat(rows(env, "DESCRIBE bids").get(0)).isEqualTo("+I[bidtime, TIMESTAMP(3), false, PRI(item, bidtime), null, null]");
        env.executeSql("ALTER TABLE bids DROP CONSTRAINT pk");
        assertThat(rows(env, "DESCRIBE bids").get(0)).isEqualTo("+I[bidtime, TIMESTAMP(3), false, null, null, null]");
    }

    @Test
    void alterTableRefusesWithFlinksMessages() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(BIDS);
        String prefix = "Failed to execute ALTER TABLE statement.\n";
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE bids ADD price INT")).isInstanceOf(ValidationException.class)
                .hasMessage(prefix + "Try to add a column `price` which already exists in the table.");
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE bids MODIFY nope INT")).isInstanceOf(ValidationException.class)
                .hasMessage(prefix + "Try to modify a column `nope` which does not exist in the table.");
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE bids ADD x INT AFTER nope")).isInstanceOf(ValidationException.class)
                .hasMessage(prefix + "Referenced column `nope` by 'AFTER' does not exist in the table.");
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE bids DROP nope")).isInstanceOf(ValidationException.class)
                .hasMessage(prefix + "The column `nope` does not exist in the base table.");
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE bids DROP item")).isInstanceOf(ValidationException.class)
                .hasMessage(prefix + "The column `item` is used as the primary key.");
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE bids ADD PRIMARY KEY (price) NOT ENFORCED"))
                .isInstanceOf(ValidationException.class).hasMessage(prefix + "The base table has already defined the primary key "
                        + "constraint [`PK_item`]. You might want to drop it before adding a new one.");
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE bids DROP price")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith(prefix + "The table 'bids' would not be valid after the change: ")
                .hasMessageContaining("Column 'price' not found");
        assertThat(rows(env, "DESCRIBE bids")).hasSize(4);
        assertThatThrownBy(() -> env.executeSql("ALTER TABLE bids TRUNCATE")).isInstanceOf(SqlParserException.class)
                .hasMessage("SQL parse failed. Encountered \"TRUNCATE\" at line 1, column 18. Was expecting RENAME, SET, RESET, "
                        + "ADD, MODIFY or DROP.");
    }
}
