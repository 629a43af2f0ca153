package dev.weir.types;

import java.util.LinkedHashMap;

/** Builds {@link Row}s the way the framework does, as Flink's {@code RowUtils}: rows whose positions also have names. */
public final class RowUtils {
    private RowUtils() {
    }

    /**
     * A position-based row over {@code fieldByPosition} (not copied) whose fields can also be read and set by the names
     * of {@code positionByName} (shared, not copied: one map serves every row of a result).
     */
    public static Row createRowWithNamedPositions(RowKind kind, Object[] fieldByPosition, LinkedHashMap<String, Integer> positionByName) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> names = (java.util.Map<String, Object>) (java.util.Map<String, ?>) positionByName;
        return new Row(kind, fieldByPosition, names);
    }
}
