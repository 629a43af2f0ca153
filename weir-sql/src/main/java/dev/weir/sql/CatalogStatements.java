package dev.weir.sql;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.catalog.CatalogView;
import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.sql.catalog.TableAlteration;
import dev.weir.sql.catalog.TableResolver;
import dev.weir.sql.exec.TableResultImpl;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.plan.SqlPlanner;
import dev.weir.sql.types.RowTypes;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs Flink's catalog statements on Weir's one catalog, {@code default_catalog} with its one database
 * {@code default_database} (as Flink's default in-memory catalog is named): SHOW CATALOGS / DATABASES / CURRENT ...,
 * USE (the existing names only), SHOW TABLES / VIEWS, SHOW CREATE TABLE / VIEW, SHOW COLUMNS, ALTER TABLE and ALTER VIEW.
 */
final class CatalogStatements {
    static final String CATALOG = "default_catalog";
    static final String DATABASE = "default_database";

    private final SessionCatalog catalog;
    private final TableAlteration alteration;
    private final SqlPlanner planner;

    CatalogStatements(SessionCatalog catalog, TableResolver resolver, SqlPlanner planner) {
        this.catalog = catalog;
        this.alteration = new TableAlteration(resolver);
        this.planner = planner;
    }

    static boolean handles(Statement statement) {
        return statement instanceof Statement.ShowCatalogObjects || statement instanceof Statement.Use
                || statement instanceof Statement.ShowCreate || statement instanceof Statement.ShowColumns
                || statement instanceof Statement.AlterTable || statement instanceof Statement.ShowTables
                || statement instanceof Statement.AlterView;
    }

    /**
     * The names of the catalog's tables and views (SHOW TABLES, as in Flink), or of its views alone; sorted. A DataStream
     * registered with createTemporaryView is a view, as in Flink.
     */
    static String[] names(SessionCatalog catalog, boolean views) {
        return catalog.entries().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("UnnamedTable$") && (!views || isView(e.getValue())))
                .map(java.util.Map.Entry::getKey).toArray(String[]::new);
    }

    /** The names of the temporary tables and views, or of the temporary views alone; sorted. */
    static String[] temporaryNames(SessionCatalog catalog, boolean views) {
        return java.util.Arrays.stream(names(catalog, views)).filter(catalog::isTemporary).toArray(String[]::new);
    }

    static boolean isView(Object entry) {
        return entry instanceof CatalogView || entry instanceof CatalogTable table && table.stream() != null;
    }

    /**
     * The table name of a Table API path: {@code t}, {@code db.t} or {@code catalog.db.t}, each part bare or backquoted;
     * a catalog or database other than Weir's one is refused as USE refuses it.
     */
    static String objectName(String path) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '`') {
                if (quoted && i + 1 < path.length() && path.charAt(i + 1) == '`') {
                    part.append('`');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        if (parts.size() > 3 || parts.stream().anyMatch(String::isEmpty)) {
            throw new ValidationException("Invalid path '" + path + "': write a table name, database.table or "
                    + "catalog.database.table (e.g. " + CATALOG + "." + DATABASE + ".orders), backquoting a part with dots in it");
        }
        int n = parts.size();
        use(new Statement.Use(n == 3 ? parts.get(0) : null, n >= 2 ? parts.get(n - 2) : null));
        return parts.get(n - 1);
    }

    /** USE CATALOG / USE from the Table API: the same checks as the statements. */
    static void use(String catalog, String database) {
        use(new Statement.Use(catalog, database));
    }

    TableResult execute(Statement statement) {
        if (statement instanceof Statement.ShowCatalogObjects show) {
            return switch (show.what()) {
                case CATALOGS -> oneColumn("catalog name", CATALOG);
                case CURRENT_CATALOG -> oneColumn("current catalog name", CATALOG);
                case DATABASES -> oneColumn("database name", DATABASE);
                case CURRENT_DATABASE -> oneColumn("current database name", DATABASE);
            };
        }
        if (statement instanceof Statement.Use use) {
            use(use);
            return TableResultImpl.OK;
        }
        if (statement instanceof Statement.ShowCreate show) {
            return oneColumn("result", showCreate(show));
        }
        if (statement instanceof Statement.ShowColumns show) {
            return showColumns(show);
        }
        if (statement instanceof Statement.ShowTables show) {
            return showTables(show);
        }
        if (statement instanceof Statement.AlterView alter) {
            alterView(alter);
            return TableResultImpl.OK;
        }
        alter((Statement.AlterTable) statement);
        return TableResultImpl.OK;
    }

    private static void use(Statement.Use use) {
        if (use.catalog() != null && !use.catalog().equals(CATALOG)) {
            throw new ValidationException("A catalog with name [" + use.catalog() + "] does not exist. Weir has one catalog, "
                    + CATALOG + ", with one database, " + DATABASE + "; write USE CATALOG " + CATALOG + " or leave the statement out");
        }
        if (use.database() != null && !use.database().equals(DATABASE)) {
            throw new ValidationException("A database with name [" + use.database() + "] does not exist in the catalog: ["
                    + CATALOG + "]. Weir has one database, " + DATABASE + "; write USE " + DATABASE + " or leave the statement out");
        }
    }

    private TableResult showTables(Statement.ShowTables show) {
        use(new Statement.Use(show.catalog(), show.database()));
        Pattern like = show.like() == null ? null : Pattern.compile(likeRegex(show.like()));
        List<Row> rows = new ArrayList<>();
        for (String name : names(catalog, show.views())) {
            if (like == null || like.matcher(name).matches() != show.notLike()) {
                rows.add(Row.of(name));
            }
        }
        return TableResultImpl.ofRows(ResolvedSchema.physical(List.of(show.views() ? "view name" : "table name"),
                List.of(DataTypes.STRING())), rows);
    }

    /** ALTER VIEW: Flink's checks and messages; the new query is planned as CREATE VIEW plans it. */
    private void alterView(Statement.AlterView alter) {
        Object entry = catalog.get(alter.name());
        String path = "`" + CATALOG + "`.`" + DATABASE + "`.`" + alter.name() + "`";
        if (entry == null) {
            throw new ValidationException("View " + path + " doesn't exist or is a temporary view; SHOW VIEWS lists the views");
        }
        if (entry instanceof CatalogTable) {
            throw new ValidationException("ALTER VIEW for a table is not allowed: " + path + " is a table; use ALTER TABLE");
        }
        CatalogView view = (CatalogView) entry;
        if (alter.newName() != null) {
            catalog.replaceView(alter.name(), new CatalogView(alter.newName(), view.query(), view.schema()));
            return;
        }
        SqlPlanner.Planned planned = planner.planQuery(alter.query());
        catalog.replaceView(alter.name(), new CatalogView(alter.name(), alter.query(), RowTypes.schema(planned.rowType(), -1)));
    }

    private String showCreate(Statement.ShowCreate show) {
        Object entry = catalog.get(show.name());
        String path = "`" + CATALOG + "`.`" + DATABASE + "`.`" + show.name() + "`";
        if (entry == null) {
            throw new ValidationException("Could not execute SHOW CREATE " + (show.view() ? "VIEW" : "TABLE") + ". "
                    + (show.view() ? "View" : "Table") + " with identifier " + path + " doesn't exist; SHOW TABLES lists them");
        }
        if (show.view() && entry instanceof CatalogTable) {
            throw new ValidationException("SHOW CREATE VIEW is only supported for views, but " + path
                    + " is a table. Please use SHOW CREATE TABLE instead.");
        }
        if (!show.view() && entry instanceof CatalogView) {
            throw new ValidationException("SHOW CREATE TABLE is only supported for tables, but " + path
                    + " is a view. Please use SHOW CREATE VIEW instead.");
        }
        if (entry instanceof CatalogTable table && table.stream() != null) {
            throw new ValidationException("Could not execute SHOW CREATE TABLE: " + path + " is a table over a DataStream "
                    + "(fromDataStream / createTemporaryView), which no CREATE TABLE statement declares");
        }
        return entry instanceof CatalogTable table ? ShowCreate.table(table) : ShowCreate.view((CatalogView) entry);
    }

    private TableResult showColumns(Statement.ShowColumns show) {
        Object entry = catalog.get(show.table());
        if (entry == null) {
            throw new ValidationException("Tables or views with the identifier '" + CATALOG + "." + DATABASE + "." + show.table()
                    + "' doesn't exist; SHOW TABLES lists them");
        }
        TableResultImpl described = Describe.of(entry);
        if (show.like() == null) {
            return described;
        }
        Pattern like = Pattern.compile(likeRegex(show.like()));
        List<Row> rows = new ArrayList<>();
        described.collect().forEachRemaining(row -> {
            if (like.matcher((String) row.getField(0)).matches() != show.notLike()) {
                rows.add(row);
            }
        });
        return TableResultImpl.ofRows(described.getResolvedSchema(), rows);
    }

    /** SQL's LIKE: {@code %} any characters, {@code _} one, everything else literally. */
    private static String likeRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }

    private void alter(Statement.AlterTable alter) {
        Object entry = catalog.get(alter.name());
        if (entry == null) {
            if (alter.ifExists()) {
                return;
            }
            throw new ValidationException("Table `" + CATALOG + "`.`" + DATABASE + "`.`" + alter.name() + "` doesn't exist or "
                    + "is a temporary table; write ALTER TABLE IF EXISTS to ignore that");
        }
        if (entry instanceof CatalogView) {
            throw new ValidationException("Failed to execute ALTER TABLE statement.\n`" + CATALOG + "`.`" + DATABASE + "`.`"
                    + alter.name() + "` is a view; ALTER TABLE changes tables (drop the view and create it again)");
        }
        CatalogTable altered = alteration.apply((CatalogTable) entry, alter.action());
        catalog.replaceTable(alter.name(), altered);
    }

    private static TableResult oneColumn(String name, String value) {
        return TableResultImpl.ofRows(ResolvedSchema.physical(List.of(name), List.of(DataTypes.STRING())), List.of(Row.of(value)));
    }
}
