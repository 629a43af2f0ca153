package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import org.junit.jupiter.api.Test;

/** TableEnvironment's catalog calls on Weir's one catalog: current names, lists, permanent and temporary objects. */
class TableEnvironmentCatalogTest {
    private static final String SEQ = "CREATE TABLE seq (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '3')";

    @Test
    void theCurrentCatalogAndDatabaseAreFlinksDefaultsAndTheOnlyOnes() {
        TableEnvironment env = SqlTestSupport.env();
        env.useCatalog("default_catalog");
        env.useDatabase("default_database");
        assertThat(env.getCurrentCatalog()).isEqualTo("default_catalog");
        assertThat(env.getCurrentDatabase()).isEqualTo("default_database");
        assertThat(env.listCatalogs()).containsExactly("default_catalog");
        assertThat(env.listDatabases()).containsExactly("default_database");
        assertThat(env.listModules()).containsExactly("core");
        assertThatThrownBy(() -> env.useCatalog("hive")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("A catalog with name [hive] does not exist.");
        assertThatThrownBy(() -> env.useDatabase("sales")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("A database with name [sales] does not exist in the catalog: [default_catalog].");
        assertThatThrownBy(() -> env.executeSql("CREATE CATALOG hive WITH ('type' = 'hive')")).isInstanceOf(ValidationException.class)
                .hasMessage("CREATE CATALOG is not supported: Weir has one in-memory catalog, default_catalog, with one database, "
                        + "default_database, where every table and view lives; leave the statement out and create the tables there");
    }

    @Test
    void temporaryObjectsAreListedApartAndPermanentOnesAlongside() {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(SEQ);
        env.executeSql("CREATE TEMPORARY TABLE tmp (id BIGINT) WITH ('connector' = 'datagen')");
        env.executeSql("CREATE TEMPORARY VIEW tv AS SELECT id FROM seq");
        env.createView("pv", env.sqlQuery("SELECT id + 1 AS id FROM seq"));
        env.createTemporaryView("tv2", env.from("default_catalog.default_database.seq"));
        assertThat(env.listTables()).containsExactly("pv", "seq", "tmp", "tv", "tv2");
        assertThat(env.listTables("default_catalog", "default_database")).containsExactly("pv", "seq", "tmp", "tv", "tv2");
        assertThat(env.listViews()).containsExactly("pv", "tv", "tv2");
        assertThat(env.listTemporaryTables()).containsExactly("tmp", "tv", "tv2");
        assertThat(env.listTemporaryViews()).containsExactly("tv", "tv2");
    }

    @Test
    void dropTableAndDropViewDropPermanentObjectsOnlyAsFlinkDoes() {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql(SEQ);
        env.executeSql("CREATE TEMPORARY TABLE tmp (id BIGINT) WITH ('connector' = 'datagen')");
        env.createView("pv", env.from("seq"));
        assertThat(env.createView("pv", env.from("seq"), true)).isFalse();
        assertThatThrownBy(() -> env.dropTable("tmp")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Temporary table with identifier '`default_catalog`.`default_database`.`tmp`' exists. "
                        + "Drop it first before removing the permanent table");
        assertThat(env.dropView("pv")).isTrue();
        assertThat(env.dropView("pv")).isFalse();
        assertThatThrownBy(() -> env.dropView("pv", false)).isInstanceOf(ValidationException.class)
                .hasMessage("View with identifier '`default_catalog`.`default_database`.`pv`' does not exist.");
        assertThat(env.dropTable("default_catalog.default_database.seq")).isTrue();
        assertThat(env.dropTemporaryTable("tmp")).isTrue();
        assertThat(env.listTables()).isEmpty();
    }

    @Test
    void listFunctionsNamesUserFunctionsAndTheBuiltInOnes() {
        TableEnvironment env = SqlTestSupport.env();
        env.createTemporarySystemFunction("twice", Twice.class);
        assertThat(env.listFunctions()).contains("twice", "COALESCE", "upper", "count");
        assertThat(env.listUserDefinedFunctions()).containsExactly("twice");
    }

    /** A scalar function for the listing. */
    public static final class Twice extends dev.weir.table.functions.ScalarFunction {
        public long eval(long x) {
            return 2 * x;
        }
    }
}
