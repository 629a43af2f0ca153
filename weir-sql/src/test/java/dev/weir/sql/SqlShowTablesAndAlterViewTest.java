package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.SqlParserException;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import org.junit.jupiter.api.Test;

/** Flink 2.x's {@code SHOW TABLES / VIEWS [FROM|IN db] [[NOT] LIKE 'p']} and {@code ALTER VIEW ... RENAME TO / AS}. */
class SqlShowTablesAndAlterViewTest {
    /** Two tables (orders, order_items) and two views (open_orders, items_view). */
    private static TableEnvironment catalog() {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE orders (id INT) WITH ('connector' = 'datagen')");
        env.executeSql("CREATE TABLE order_items (id INT, item STRING) WITH ('connector' = 'datagen')");
        env.executeSql("CREATE VIEW open_orders AS SELECT * FROM (VALUES (1, 'open'), (2, 'open')) AS t(id, state)");
        env.executeSql("CREATE VIEW items_view AS SELECT id, item FROM order_items");
        return env;
    }

    @Test
    void showTablesListsTablesAndViewsSortedFromTheDatabaseNamedOrNot() throws Exception {
        TableEnvironment env = catalog();
        assertThat(rows(env, "SHOW TABLES")).containsExactly("+I[items_view]", "+I[open_orders]", "+I[order_items]", "+I[orders]");
        assertThat(rows(env, "SHOW TABLES FROM default_database")).containsExactly("+I[items_view]", "+I[open_orders]",
                "+I[order_items]", "+I[orders]");
        assertThat(rows(env, "show tables in default_catalog.default_database;")).hasSize(4);
        assertThat(env.executeSql("SHOW TABLES").getResolvedSchema().getColumnNames()).containsExactly("table name");
    }

    @Test
    void showTablesLikeKeepsTheNamesMatchingTheSqlPatternAndNotLikeTheOthers() throws Exception {
        TableEnvironment env = catalog();
        assertThat(rows(env, "SHOW TABLES LIKE 'order%'")).containsExactly("+I[order_items]", "+I[orders]");
        assertThat(rows(env, "SHOW TABLES FROM default_database NOT LIKE 'order%'")).containsExactly("+I[items_view]",
                "+I[open_orders]");
        assertThat(rows(env, "SHOW TABLES IN default_catalog.default_database LIKE 'order_'")).containsExactly("+I[orders]");
        assertThat(rows(env, "SHOW TABLES LIKE '_rders'")).containsExactly("+I[orders]");
        assertThat(rows(env, "SHOW TABLES LIKE 'ORDERS'")).isEmpty();
    }

    @Test
    void showViewsListsOnlyViewsWithTheSameFilters() throws Exception {
        TableEnvironment env = catalog();
        assertThat(rows(env, "SHOW VIEWS")).containsExactly("+I[items_view]", "+I[open_orders]");
        assertThat(rows(env, "SHOW VIEWS FROM default_database LIKE 'open%'")).containsExactly("+I[open_orders]");
        assertThat(rows(env, "SHOW VIEWS IN default_catalog.default_database NOT LIKE 'open%'")).containsExactly("+I[items_view]");
        assertThat(env.executeSql("SHOW VIEWS").getResolvedSchema().getColumnNames()).containsExactly("view name");
    }

    @Test
    void showTablesFromAnotherDatabaseOrCatalogIsRefusedNamingTheOnlyOne() {
        TableEnvironment env = catalog();
        assertThatThrownBy(() -> env.executeSql("SHOW TABLES FROM sales")).isInstanceOf(ValidationException.class)
                .hasMessage("A database with name [sales] does not exist in the catalog: [default_catalog]. Weir has one "
                        + "database, default_database; write USE default_database or leave the statement out");
        assertThatThrownBy(() -> env.executeSql("SHOW VIEWS IN hive.default_database")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("A catalog with name [hive] does not exist.");
        assertThatThrownBy(() -> env.executeSql("SHOW TABLES NOT 'x%'")).isInstanceOf(SqlParserException.class)
                .hasMessageContaining("LIKE");
    }

    @Test
    void alterViewRenameToMovesTheViewToItsNewName() throws Exception {
        TableEnvironment env = catalog();
        env.executeSql("ALTER VIEW open_orders RENAME TO pending_orders");
        assertThat(rows(env, "SHOW VIEWS")).containsExactly("+I[items_view]", "+I[pending_orders]");
        assertThat(rows(env, "SELECT id, state FROM pending_orders")).containsExactlyInAnyOrder("+I[1, open]", "+I[2, open]");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM open_orders")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("open_orders");
    }

    @Test
    void alterViewAsReplacesTheQueryAndTheSchema() throws Exception {
        TableEnvironment env = catalog();
        env.executeSql("ALTER VIEW open_orders AS SELECT id * 10 AS tenfold FROM (VALUES (3), (4)) AS t(id)");
        assertThat(rows(env, "SELECT * FROM open_orders")).containsExactlyInAnyOrder("+I[30]", "+I[40]");
        assertThat(rows(env, "DESCRIBE open_orders")).containsExactly("+I[tenfold, INT, false, null, null, null]");
        assertThat(rows(env, "SHOW CREATE VIEW open_orders")).singleElement().asString()
                .contains("SELECT id * 10 AS tenfold FROM (VALUES (3), (4)) AS t(id)");
    }

    @Test
    void alterViewRefusesTablesMissingViewsAndTakenNames() {
        TableEnvironment env = catalog();
        assertThatThrownBy(() -> env.executeSql("ALTER VIEW orders RENAME TO o")).isInstanceOf(ValidationException.class)
                .hasMessage("ALTER VIEW for a table is not allowed: `default_catalog`.`default_database`.`orders` is a table; "
                        + "use ALTER TABLE");
        assertThatThrownBy(() -> env.executeSql("ALTER VIEW nothing AS SELECT 1")).isInstanceOf(ValidationException.class)
                .hasMessage("View `default_catalog`.`default_database`.`nothing` doesn't exist or is a temporary view; "
                        + "SHOW VIEWS lists the views");
        assertThatThrownBy(() -> env.executeSql("ALTER VIEW open_orders RENAME TO orders")).isInstanceOf(ValidationException.class)
                .hasMessage("Could not execute ALTER VIEW `default_catalog`.`default_database`.`open_orders` RENAME TO "
                        + "`default_catalog`.`default_database`.`orders`: a table or view named 'orders' already exists; "
                        + "choose another name or drop it first");
        assertThatThrownBy(() -> env.executeSql("ALTER VIEW open_orders SET ('a' = 'b')")).isInstanceOf(SqlParserException.class)
                .hasMessageContaining("RENAME TO or AS");
    }
}
