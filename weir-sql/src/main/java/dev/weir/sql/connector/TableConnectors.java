package dev.weir.sql.connector;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The connectors Weir SQL has, by their {@code 'connector'} value: the built-in ones, and those that connector modules
 * (weir-kafka, weir-jdbc, ...) offer through {@link ServiceLoader}, as Flink finds its {@code DynamicTableFactory}s.
 */
public final class TableConnectors {
    private static final List<TableConnector> ALL = load();

    private static List<TableConnector> load() {
        List<TableConnector> all = new ArrayList<>(List.of(new DatagenConnector(), new PrintConnector(), new BlackholeConnector(),
                new FilesystemConnector()));
        for (TableConnector c : ServiceLoader.load(TableConnector.class, TableConnectors.class.getClassLoader())) {
            all.add(c);
        }
        return List.copyOf(all);
    }

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
                + String.join("\n", identifiers())
                + (id.equals("kafka") || id.equals("upsert-kafka") || id.equals("jdbc")
                        ? "\n\nThe '" + id + "' connector is in module weir-" + (id.equals("jdbc") ? "jdbc" : "kafka")
                        + "; add it to the class path" : ""));
    }

    private static List<String> identifiers() {
        TreeSet<String> ids = new TreeSet<>();
        for (TableConnector c : ALL) {
            ids.add(c.identifier());
        }
        return List.copyOf(ids);
    }
}
