package dev.weir.sql.runtime;

import dev.weir.api.java.tuple.Tuple;
import dev.weir.sql.types.ValueConversions;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns a DataStream's elements into a table's source rows (internal form): a {@link Row}'s fields or a tuple's by
 * position, any other element as the single column; a metadata column {@code rowtime} takes the element's
 * timestamp, as Flink's {@code columnByMetadata("rowtime", ...)} does.
 */
public final class DataStreamRows<T> extends ProcessFunction<T, Row> {
    private static final long serialVersionUID = 1L;

    private final int[] sourceField;
    private final SqlTypeName[] types;

    /** {@code sourceField[i]} is the element's field for column i, or -1 for the element's timestamp. */
    public DataStreamRows(int[] sourceField, SqlTypeName[] types) {
        this.sourceField = sourceField.clone();
        this.types = types.clone();
    }

    @Override
    public void processElement(T value, Context ctx, Collector<Row> out) {
        Row row = new Row(value instanceof Row ? ((Row) value).getKind() : dev.weir.types.RowKind.INSERT, sourceField.length);
        for (int i = 0; i < sourceField.length; i++) {
            int f = sourceField[i];
            Object v;
            if (f < 0) {
                v = ctx.timestamp();
            } else if (value instanceof Row) {
                v = ((Row) value).getField(f);
            } else if (value instanceof Tuple) {
                v = ((Tuple) value).getField(f);
            } else {
                v = value;
            }
            row.setField(i, ValueConversions.toInternal(v, types[i]));
        }
        out.collect(row);
    }
}
