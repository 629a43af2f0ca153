package dev.weir.sql.connector;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.table.api.ValidationException;
import java.util.List;
import java.util.Map;

/** The connectors Weir SQL has, by their {@code 'connector'} value. */
public final class TableConnectors {
    private static final List<TableConnector> ALL = List.of(new DatagenConnector(), new PrintConnector(), new BlackholeConnector(),
            new FilesystemConnector());

    private TableConnectors() {
    }

    /** The connector of {@code table}, its options checked. */
    public static TableConnector of(CatalogTable table) {
        Map<String, String> options = table.options();
        String id = options.get("connector");
        if (id == null) {
            throw new ValidationException("Table options do not contain an option key 'connector' for table '" + table.name()
                    + "'; add 'connector' = 'datagen' (or 'filesystem', 'print', 'blackhole') to its WITH clause");
        }
        for (TableConnector c : ALL) {
            if (c.identifier().equals(id)) {
                TableConnector.checkOptions(c, table);
                c.validate(table);
                return c;
            }
        }
        throw new ValidationException("Could not find any factory for identifier '" + id + "' that implements "
                + "'DynamicTableFactory' for table '" + table.name() + "'.\n\nAvailable factory identifiers are:\n\n"
                + "blackhole\ndatagen\nfilesystem\nprint"
                + (id.equals("kafka") || id.equals("upsert-kafka") || id.equals("jdbc")
                        ? "\n\nWeir SQL has no '" + id + "' connector yet; read with the DataStream connector and "
                        + "StreamTableEnvironment.fromDataStream" : ""));
    }
}
