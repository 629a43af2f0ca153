package dev.weir.sql.catalog;

import dev.weir.sql.parse.Statement;
import dev.weir.table.api.ValidationException;
import dev.weir.table.catalog.ResolvedSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one {@code ALTER TABLE} action to a connector table as Flink does: the declared columns, watermark, primary
 * key and options are changed and the table is resolved again, so a change that breaks a computed column or the
 * watermark is refused and the table stays as it was. Messages are Flink's, after its prefix "Failed to execute ALTER
 * TABLE statement.".
 */
public final class TableAlteration {
    static final String PREFIX = "Failed to execute ALTER TABLE statement.\n";

    private final TableResolver resolver;

    public TableAlteration(TableResolver resolver) {
        this.resolver = resolver;
    }

    /** The table after {@code action}, named {@code name} (RENAME TO gives the new name). */
    public CatalogTable apply(CatalogTable table, Statement.AlterAction action) {
        if (table.stream() != null) {
            throw new ValidationException(PREFIX + "Table '" + table.name() + "' is a view of a DataStream; ALTER TABLE "
                    + "changes tables declared with CREATE TABLE only (create the table again from the stream instead)");
        }
        ResolvedSchema schema = table.schema();
        List<Statement.ColumnDefinition> columns = new ArrayList<>(table.columns());
        String watermarkColumn = schema.getRowtimeColumn().orElse(null);
        String watermarkExpression = schema.getWatermarkExpression().orElse(null);
        List<String> primaryKey = new ArrayList<>(schema.getPrimaryKeyColumns());
        Map<String, String> options = new LinkedHashMap<>(table.options());
        String name = table.name();
        if (action instanceof Statement.SetOptions set) {
            options.putAll(set.options());
        } else if (action instanceof Statement.ResetOptions reset) {
            for (String key : reset.keys()) {
                if (key.equals("connector")) {
                    throw new ValidationException(PREFIX + "ALTER TABLE RESET does not support changing 'connector'; "
                            + "drop the table and create it with the other connector");
                }
                options.remove(key);
            }
        } else if (action instanceof Statement.RenameTable rename) {
            name = rename.newName();
        } else if (action instanceof Statement.RenameColumn rename) {
            int at = indexOf(columns, rename.column());
            if (at < 0) {
                throw new ValidationException(PREFIX + "The column `" + rename.column() + "` does not exist in the base table.");
            }
            if (indexOf(columns, rename.newName()) >= 0) {
                throw new ValidationException(PREFIX + "The column `" + rename.newName() + "` already existed in table schema.");
            }
            Statement.ColumnDefinition c = columns.get(at);
            columns.set(at, new Statement.ColumnDefinition(rename.newName(), c.type(), c.expression(), c.metadata(), c.metadataKey()));
            primaryKey.replaceAll(k -> k.equals(rename.column()) ? rename.newName() : k);
            if (rename.column().equals(watermarkColumn)) {
                watermarkColumn = rename.newName();
            }
        } else if (action instanceof Statement.AddOrModify change) {
            for (Statement.PositionedColumn column : change.columns()) {
                place(columns, column, change.modify());
            }
            if (change.watermarkColumn() != null) {
                if (!change.modify() && watermarkColumn != null) {
                    throw new ValidationException(PREFIX + "The base table has already defined the watermark strategy `"
                            + watermarkColumn + "` AS " + watermarkExpression + ". You might want to drop it before adding a new one.");
                }
                if (change.modify() && watermarkColumn == null) {
                    throw new ValidationException(PREFIX + "The base table does not define any watermark. You might want to add a new one.");
                }
                watermarkColumn = change.watermarkColumn();
                watermarkExpression = change.watermarkExpression();
            }
            if (change.primaryKey() != null) {
                if (!change.modify() && !primaryKey.isEmpty()) {
                    throw new ValidationException(PREFIX + "The base table has already defined the primary key constraint [`PK_"
                            + String.join("_", primaryKey) + "`]. You might want to drop it before adding a new one.");
                }
                if (change.modify() && primaryKey.isEmpty()) {
                    throw new ValidationException(PREFIX + "The base table does not define any primary key constraint. You might "
                            + "want to add a new one.");
                }
                primaryKey = new ArrayList<>(change.primaryKey());
            }
        } else if (action instanceof Statement.DropFromTable drop) {
            if (drop.primaryKey()) {
                if (primaryKey.isEmpty()) {
                    throw new ValidationException(PREFIX + "The base table does not define any primary key.");
                }
                // As in Flink, the former key columns stay NOT NULL.
                for (String key : primaryKey) {
                    int at = indexOf(columns, key);
                    Statement.ColumnDefinition c = columns.get(at);
                    columns.set(at, new Statement.ColumnDefinition(c.name(), c.type().notNull(), c.expression(), c.metadata(),
                            c.metadataKey()));
                }
                primaryKey.clear();
            } else if (drop.watermark()) {
                if (watermarkColumn == null) {
                    throw new ValidationException(PREFIX + "The base table does not define any watermark strategy.");
                }
                watermarkColumn = null;
                watermarkExpression = null;
            }
            for (String column : drop.columns()) {
                if (indexOf(columns, column) < 0) {
                    throw new ValidationException(PREFIX + "The column `" + column + "` does not exist in the base table.");
                }
                if (primaryKey.contains(column)) {
                    throw new ValidationException(PREFIX + "The column `" + column + "` is used as the primary key.");
                }
                if (column.equals(watermarkColumn)) {
                    throw new ValidationException(PREFIX + "The column `" + column + "` is referenced by watermark expression "
                            + "`" + watermarkColumn + "` AS " + watermarkExpression + ". Drop the watermark first (ALTER TABLE "
                            + table.name() + " DROP WATERMARK)");
                }
                columns.remove(indexOf(columns, column));
            }
        }
        try {
            return resolver.resolve(name, columns, watermarkColumn, watermarkExpression, primaryKey, options, null, false);
        } catch (ValidationException e) {
            throw new ValidationException(PREFIX + "The table '" + table.name() + "' would not be valid after the change: "
                    + e.getMessage(), e);
        }
    }

    private static void place(List<Statement.ColumnDefinition> columns, Statement.PositionedColumn change, boolean modify) {
        String name = change.column().name();
        int existing = indexOf(columns, name);
        if (!modify && existing >= 0) {
            throw new ValidationException(PREFIX + "Try to add a column `" + name + "` which already exists in the table.");
        }
        if (modify && existing < 0) {
            throw new ValidationException(PREFIX + "Try to modify a column `" + name + "` which does not exist in the table.");
        }
        if (change.after() != null && indexOf(columns, change.after()) < 0) {
            throw new ValidationException(PREFIX + "Referenced column `" + change.after() + "` by 'AFTER' does not exist in the table.");
        }
        if (modify && !change.first() && change.after() == null) {
            columns.set(existing, change.column());
            return;
        }
        if (modify) {
            columns.remove(existing);
        }
        if (change.first()) {
            columns.add(0, change.column());
        } else if (change.after() != null) {
            columns.add(indexOf(columns, change.after()) + 1, change.column());
        } else {
            columns.add(change.column());
        }
    }

    private static int indexOf(List<Statement.ColumnDefinition> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
