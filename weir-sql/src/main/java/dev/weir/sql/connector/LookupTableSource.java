package dev.weir.sql.connector;

import dev.weir.sql.catalog.CatalogTable;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A {@link TableConnector} whose tables can be queried by key in a processing-time lookup join ({@code JOIN dim FOR
 * SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.k}), as Flink's {@code LookupTableSource}. The planner asks for a
 * {@link LookupFunction} on the join's key columns and wraps it in the cache that {@link LookupOptions} read from the
 * table's {@code lookup.*} options, so every connector gets Flink's cache options alike.
 */
public interface LookupTableSource {
    /**
     * A function finding rows of {@code table} by the columns {@code keyColumns} (indexes into {@code physicalType}, in
     * the order of the lookup keys); its rows are of {@code physicalType}.
     */
    LookupFunction createLookupFunction(CatalogTable table, RelDataType physicalType, int[] keyColumns);
}
