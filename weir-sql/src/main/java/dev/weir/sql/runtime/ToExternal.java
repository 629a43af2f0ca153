package dev.weir.sql.runtime;

import dev.weir.api.common.functions.MapFunction;
import dev.weir.sql.types.ValueConversions;
import dev.weir.types.Row;

/**
 * Converts rows leaving a SQL job (collect, print, toDataStream) to the objects users see, e.g. LocalDateTime for a
 * TIMESTAMP. A new row, because the same row object may also travel to another sink.
 */
public final class ToExternal implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final ValueConversions conversions;

    public ToExternal(ValueConversions conversions) {
        this.conversions = conversions;
    }

    @Override
    public Row map(Row row) {
        return conversions.toExternal(Row.copy(row));
    }
}
