package dev.weir.sql.runtime;

import dev.weir.api.java.tuple.Tuple;
import dev.weir.sql.udf.JavaValues;
import dev.weir.types.Row;

/**
 * One value a table aggregate function's {@code emitValue} collects, as the ROW of its fields in internal form: the
 * fields of a {@link Row} or a {@link Tuple}, or the value itself as the one field of an atomic type.
 */
final class EmittedValue {
    private EmittedValue() {
    }

    static Row fields(Object value, int columns) {
        Row fields = new Row(columns);
        if (value instanceof Row r) {
            for (int i = 0; i < columns; i++) {
                fields.setField(i, JavaValues.toInternal(r.getField(i)));
            }
        } else if (value instanceof Tuple t) {
            for (int i = 0; i < columns; i++) {
                fields.setField(i, JavaValues.toInternal(t.getField(i)));
            }
        } else {
            fields.setField(0, JavaValues.toInternal(value));
        }
        return fields;
    }
}
