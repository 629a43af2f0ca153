package dev.weir.sql.catalog;

import dev.weir.table.api.ValidationException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables and views of one {@code TableEnvironment}, by name (case-sensitive, as in Flink). Weir has one catalog
 * and one database; a qualified name {@code cat.db.t} is read as {@code t}.
 */
public final class SessionCatalog {
    private final Map<String, Object> entries = new TreeMap<>();
    /** The names of temporary tables and views (CREATE TEMPORARY, createTemporaryTable / View); the others are permanent. */
    private final java.util.Set<String> temporary = new java.util.HashSet<>();
    /** User-defined functions; their names are case-insensitive, as Flink's are. */
    private final Map<String, dev.weir.table.functions.UserDefinedFunction> functions =
            new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public void createTable(CatalogTable table, boolean ifNotExists) {
        create(table.name(), table, ifNotExists);
    }

    public void createView(CatalogView view, boolean ifNotExists) {
        create(view.name(), view, ifNotExists);
    }

    private void create(String name, Object entry, boolean ifNotExists) {
        if (entries.containsKey(name)) {
            if (ifNotExists) {
                return;
            }
            throw new ValidationException("Could not execute CreateTable in path `default_catalog`.`default_database`.`" + name
                    + "`: a table or view named '" + name + "' already exists; drop it first or write CREATE ... IF NOT EXISTS");
        }
        entries.put(name, entry);
    }

    /**
     * Removes {@code name}; false if there was none. Refuses to drop a view as a table or the other way round, except a
     * table over a DataStream, which is both.
     */
    public boolean drop(String name, boolean view) {
        Object entry = entries.get(name);
        if (entry == null) {
            return false;
        }
        // A DataStream registered with createTemporaryView is a view in Flink, and a table to SQL: either drop takes it.
        boolean streamTable = entry instanceof CatalogTable && ((CatalogTable) entry).stream() != null;
        if (!streamTable && view != (entry instanceof CatalogView)) {
            throw new ValidationException("'" + name + "' is a " + (view ? "table" : "view") + ", not a " + (view ? "view" : "table")
                    + "; use DROP " + (view ? "TABLE" : "VIEW"));
        }
        entries.remove(name);
        temporary.remove(name);
        return true;
    }

    /** Marks the entry {@code name} as temporary, as Flink tells temporary tables and views from permanent ones. */
    public void markTemporary(String name) {
        if (entries.containsKey(name)) {
            temporary.add(name);
        }
    }

    /** Whether {@code name} is a temporary table or view. */
    public boolean isTemporary(String name) {
        return temporary.contains(name);
    }

    /**
     * Puts {@code table} in the place of the table {@code oldName} (ALTER TABLE); refuses a new name that another table
     * or view has.
     */
    public void replaceTable(String oldName, CatalogTable table) {
        replace(oldName, table.name(), table, "TABLE");
    }

    /** Puts {@code view} in the place of the view {@code oldName} (ALTER VIEW); refuses a new name that another has. */
    public void replaceView(String oldName, CatalogView view) {
        replace(oldName, view.name(), view, "VIEW");
    }

    private void replace(String oldName, String newName, Object entry, String kind) {
        if (!oldName.equals(newName) && entries.containsKey(newName)) {
            throw new ValidationException("Could not execute ALTER " + kind + " `default_catalog`.`default_database`.`" + oldName
                    + "` RENAME TO `default_catalog`.`default_database`.`" + newName + "`: a table or view named '"
                    + newName + "' already exists; choose another name or drop it first");
        }
        entries.remove(oldName);
        entries.put(newName, entry);
        if (temporary.remove(oldName)) {
            temporary.add(newName);
        }
    }

    /** The table or view named {@code name}, or null. */
    public Object get(String name) {
        return entries.get(name);
    }

    /** Every entry, sorted by name. */
    public Map<String, Object> entries() {
        return entries;
    }

    /** Registers a user-defined function; refuses a second one of the same name unless {@code ifNotExists}. */
    public void createFunction(String name, dev.weir.table.functions.UserDefinedFunction function, boolean ifNotExists) {
        if (functions.containsKey(name)) {
            if (ifNotExists) {
                return;
            }
            throw new ValidationException("Could not register temporary function '" + name + "': a function of that name "
                    + "already exists; drop it first (DROP TEMPORARY FUNCTION " + name + ") or write CREATE FUNCTION IF NOT EXISTS");
        }
        functions.put(name, function);
    }

    /** Removes the function {@code name}; false if there was none. */
    public boolean dropFunction(String name) {
        return functions.remove(name) != null;
    }

    /** The user-defined functions, sorted by name. */
    public Map<String, dev.weir.table.functions.UserDefinedFunction> functions() {
        return functions;
    }
}
