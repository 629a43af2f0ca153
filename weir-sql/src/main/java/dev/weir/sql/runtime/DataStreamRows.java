package dev.weir.sql.runtime;

import dev.weir.api.java.tuple.Tuple;
import dev.weir.sql.types.ValueConversions;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns a DataStream's elements into a table's source rows (internal form): a {@link Row}'s fields or a tuple's by
 * position, any other element as the single column; a metadata column {@code rowtime} takes the element's
 * timestamp, as Flink's {@code columnByMetadata("rowtime", ...)} does.
 *
 * <p>Per element this builds exactly one row: the element's class is tested once, and only the columns whose type
 * has a different internal form (timestamps, dates, times) are converted. A {@link Row} element whose columns are its
 * fields in order and need no conversion is passed on as it is.
 */
public final class DataStreamRows<T> extends ProcessFunction<T, Row> {
    private static final long serialVersionUID = 1L;

    private final int[] sourceField;
    private final SqlTypeName[] types;
    /** Whether column i's value must go through {@link ValueConversions#toInternal(Object, SqlTypeName)}. */
    private final boolean[] converts;
    /** Whether a positional Row element of {@code sourceField.length} fields is already the table's row. */
    private final boolean rowIsTable;

    /** {@code sourceField[i]} is the element's field for column i, or -1 for the element's timestamp. */
    public DataStreamRows(int[] sourceField, SqlTypeName[] types) {
        this.sourceField = sourceField.clone();
        this.types = types.clone();
        this.converts = new boolean[types.length];
        boolean identity = true;
        for (int i = 0; i < types.length; i++) {
            SqlTypeName t = types[i];
            // The element's timestamp (sourceField -1) is epoch millis already, the internal form of a rowtime.
            converts[i] = sourceField[i] >= 0 && (t == SqlTypeName.TIMESTAMP || t == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                    || t == SqlTypeName.DATE || t == SqlTypeName.TIME);
            identity &= !converts[i] && sourceField[i] == i;
        }
        this.rowIsTable = identity;
    }

    @Override
    public void processElement(T value, Context ctx, Collector<Row> out) {
        if (value instanceof Row) {
            Row element = (Row) value;
            if (rowIsTable && element.getArity() == sourceField.length && element.getFieldNames(false) == null) {
                out.collect(element);
                return;
            }
            Row row = new Row(element.getKind(), sourceField.length);
            for (int i = 0; i < sourceField.length; i++) {
                int f = sourceField[i];
                set(row, i, f < 0 ? ctx.timestamp() : element.getField(f));
            }
            out.collect(row);
        } else if (value instanceof Tuple) {
            Tuple element = (Tuple) value;
            Row row = new Row(RowKind.INSERT, sourceField.length);
            for (int i = 0; i < sourceField.length; i++) {
                int f = sourceField[i];
                set(row, i, f < 0 ? ctx.timestamp() : element.getField(f));
            }
            out.collect(row);
        } else {
            Row row = new Row(RowKind.INSERT, sourceField.length);
            for (int i = 0; i < sourceField.length; i++) {
                set(row, i, sourceField[i] < 0 ? ctx.timestamp() : value);
            }
            out.collect(row);
        }
    }

    private void set(Row row, int i, Object value) {
        row.setField(i, converts[i] ? ValueConversions.toInternal(value, types[i]) : value);
    }
}
