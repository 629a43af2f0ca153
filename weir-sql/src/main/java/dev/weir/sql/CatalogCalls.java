package dev.weir.sql;

import dev.weir.sql.catalog.CatalogView;
import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.sql.parse.Statement;
import dev.weir.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Flink's TableEnvironment calls on the catalog beyond SQL text: looking up, creating and dropping views and tables by
 * path, listing what the session holds, and the one catalog and database Weir has.
 */
final class CatalogCalls {
    private final SessionCatalog catalog;
    private final SessionStatements session;

    CatalogCalls(SessionCatalog catalog, SessionStatements session) {
        this.catalog = catalog;
        this.session = session;
    }

    /** The table or view {@code name}; fails, as Flink does, if there is none. */
    Object entry(String name) {
        Object entry = catalog.get(name);
        if (entry == null) {
            throw new ValidationException("Tables or views with the identifier 'default_catalog.default_database." + name
                    + "' doesn't exist; the tables are " + catalog.entries().keySet());
        }
        return entry;
    }

    void createTemporaryView(String path, TableImpl table) {
        catalog.createView(new CatalogView(path, table.sql(), table.getResolvedSchema()), false);
        catalog.markTemporary(path);
        session.addView(path, table.sql());
    }

    boolean exists(String name) {
        return catalog.get(name) != null;
    }

    /** Creates the permanent view {@code name} (an object name, not a path) of {@code table}'s query. */
    void createView(String name, TableImpl table) {
        catalog.createView(new CatalogView(name, table.sql(), table.getResolvedSchema()), false);
        session.addView(name, table.sql());
    }

    /** Flink's dropTable / dropView: permanent objects only; a temporary one must be dropped with dropTemporary* first. */
    boolean dropPermanent(String path, boolean view, boolean ignoreIfNotExists) {
        String name = CatalogStatements.objectName(path);
        String identifier = "'`" + CatalogStatements.CATALOG + "`.`" + CatalogStatements.DATABASE + "`.`" + name + "`'";
        if (catalog.isTemporary(name)) {
            throw new ValidationException("Temporary " + (view ? "view" : "table") + " with identifier " + identifier
                    + " exists. Drop it first before removing the permanent " + (view ? "view" : "table")
                    + " (dropTemporary" + (view ? "View" : "Table") + ")");
        }
        if (catalog.get(name) == null) {
            if (!ignoreIfNotExists) {
                throw new ValidationException((view ? "View" : "Table") + " with identifier " + identifier + " does not exist.");
            }
            return false;
        }
        catalog.drop(name, view);
        session.add("DROP " + (view ? "VIEW " : "TABLE ") + DescriptorDdl.quote(name));
        return true;
    }

    String[] tables() {
        return CatalogStatements.names(catalog, false);
    }

    String[] views() {
        return CatalogStatements.names(catalog, true);
    }

    String[] temporaryTables() {
        return CatalogStatements.temporaryNames(catalog, false);
    }

    String[] temporaryViews() {
        return CatalogStatements.temporaryNames(catalog, true);
    }

    /** The tables of {@code catalogName}.{@code databaseName}, which must be Weir's one catalog and database. */
    String[] tables(String catalogName, String databaseName) {
        CatalogStatements.use(catalogName, databaseName);
        return tables();
    }

    /** Flink's listFunctions: the names SHOW FUNCTIONS lists. */
    String[] functions() {
        List<String> names = new ArrayList<>();
        new Functions(catalog).execute(new Statement.ShowFunctions(false)).collect()
                .forEachRemaining(row -> names.add((String) row.getField(0)));
        return names.toArray(new String[0]);
    }

    void useCatalog(String catalogName) {
        CatalogStatements.use(Objects.requireNonNull(catalogName, "catalogName"), null);
    }

    void useDatabase(String databaseName) {
        CatalogStatements.use(null, Objects.requireNonNull(databaseName, "databaseName"));
    }
}
