package dev.weir.sql.plan;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.types.RowTypes;
import dev.weir.sql.types.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** The row type of a table's non-computed columns: what its source delivers and its sink takes. */
public final class SourceTypes {
    private SourceTypes() {
    }

    public static RelDataType physical(CatalogTable table) {
        return columns(table, true);
    }

    /**
     * The row type an INSERT writes: the physical columns. Metadata columns are read-only in Weir (as if declared
     * {@code VIRTUAL}), so a query into a table with them supplies the physical columns alone.
     */
    public static RelDataType sink(CatalogTable table) {
        return columns(table, false);
    }

    private static RelDataType columns(CatalogTable table, boolean metadata) {
        List<String> names = new ArrayList<>();
        List<RelDataType> types = new ArrayList<>();
        for (Statement.ColumnDefinition c : table.columns()) {
            if (c.expression() == null && (metadata || !c.metadata())) {
                names.add(c.name());
                types.add(SqlTypes.toRelType(RowTypes.FACTORY, c.type()));
            }
        }
        return RowTypes.FACTORY.createStructType(types, names);
    }
}
