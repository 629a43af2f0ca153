package dev.weir.sql.runtime;

import dev.weir.api.common.functions.MapFunction;
import dev.weir.sql.types.ValueConversions;
import dev.weir.types.Row;
import dev.weir.types.RowUtils;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Converts rows leaving a SQL job (collect, print, toDataStream) to the objects users see, e.g. LocalDateTime for a
 * TIMESTAMP. A new row, because the same row object may also travel to another sink.
 */
public final class ToExternal implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final ValueConversions conversions;
    /** The result's column positions by name, shared by every row it makes; null for rows read by position only. */
    private final LinkedHashMap<String, Integer> positionByName;

    public ToExternal(ValueConversions conversions) {
        this.conversions = conversions;
        this.positionByName = null;
    }

    /** Rows whose fields are also read by the column names {@code names}, as Flink's results are (named positions). */
    public ToExternal(ValueConversions conversions, List<String> names) {
        this.conversions = conversions;
        this.positionByName = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positionByName.put(names.get(i), i);
        }
    }

    @Override
    public Row map(Row row) {
        if (positionByName == null) {
            return conversions.toExternal(Row.copy(row));
        }
        Object[] fields = new Object[row.getArity()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = row.getField(i);
        }
        return conversions.toExternal(RowUtils.createRowWithNamedPositions(row.getKind(), fields, positionByName));
    }
}
