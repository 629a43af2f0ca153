package dev.weir.sql.runtime;

import dev.weir.api.common.functions.RuntimeContext;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.types.Row;
import java.util.Arrays;

/**
 * The rows of a key kept in keyed state by a time, in arrival order: a {@code MapState<Long, Row[]>} whose array per
 * time grows by doubling, its free slots null at the end, so appending a row is amortised constant instead of a copy
 * of every earlier row of that time. A full array (what earlier versions stored) reads the same, so their checkpoints
 * and savepoints restore.
 */
public final class RowsPerTime {
    private final MapState<Long, Row[]> rows;

    /** Opens the map state {@code stateName} of the function's current key. */
    public RowsPerTime(RuntimeContext context, String stateName) {
        rows = context.getMapState(new MapStateDescriptor<>(stateName, Long.class, Row[].class));
    }

    /** Appends {@code row} (not null) to the rows of {@code time}; true when it is the first row of that time. */
    public boolean append(long time, Row row) throws Exception {
        Row[] kept = rows.get(time);
        if (kept == null) {
            Row[] first = new Row[1];
            first[0] = row;
            rows.put(time, first);
            return true;
        }
        int count = count(kept);
        if (count == kept.length) {
            kept = Arrays.copyOf(kept, count * 2);
        }
        kept[count] = row;
        // The heap backend holds this very array; a serializing backend needs it written back.
        rows.put(time, kept);
        return false;
    }

    /** The rows of {@code time} in arrival order, removed from state; null if there are none. */
    public Row[] take(long time) throws Exception {
        Row[] kept = rows.get(time);
        if (kept == null) {
            return null;
        }
        rows.remove(time);
        int count = count(kept);
        return count == kept.length ? kept : Arrays.copyOf(kept, count);
    }

    /** The rows in {@code kept}: its non-null prefix, found by bisection since the free slots are its tail. */
    private static int count(Row[] kept) {
        int low = 0;
        int high = kept.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (kept[mid] == null) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
