package dev.weir.web.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server side of a table view: the latest row of each key, for up to {@code maxRows} keys (rows of further keys
 * are dropped and counted). A key's row is overwritten in place, so an update allocates nothing.
 */
public final class TablePanel implements DashboardPanel {
    private final String name;
    private final List<String> columns;
    private final int maxRows;
    private final Map<String, Object[]> rows = new LinkedHashMap<>();
    private long updates;
    private long droppedKeys;

    TablePanel(String name, List<String> columns, int maxRows) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.maxRows = maxRows;
    }

    @Override
    public String name() {
        return name;
    }

    /** Sets the row of {@code key} to a copy of {@code values} (one per column). */
    public synchronized void put(String key, Object[] values) {
        updates++;
        Object[] row = rows.get(key);
        if (row == null) {
            if (rows.size() >= maxRows) {
                droppedKeys++;
                return;
            }
            row = new Object[columns.size()];
            rows.put(key, row);
        }
        System.arraycopy(values, 0, row, 0, row.length);
    }

    @Override
    public synchronized Snapshot snapshot() {
        List<List<String>> shown = new ArrayList<>();
        for (Map.Entry<String, Object[]> e : rows.entrySet()) {
            List<String> cells = new ArrayList<>();
            cells.add(e.getKey());
            for (Object v : e.getValue()) {
                cells.add(String.valueOf(v));
            }
            shown.add(cells);
        }
        return new Snapshot(name, "table", columns, shown, updates, droppedKeys);
    }

    /** The table as shown: the key column, then the columns, one list of cells per key in the order keys first came. */
    public record Snapshot(String name, String kind, List<String> columns, List<List<String>> rows, long updates, long droppedKeys) {
    }
}
