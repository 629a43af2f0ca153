package dev.weir.sql.runtime;

import dev.weir.api.java.functions.KeySelector;
import dev.weir.types.Row;

/** The grouping key of a row: a row of its fields at the key positions (kind INSERT, so any change kind keys alike). */
public final class RowKeySelector implements KeySelector<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int[] fields;

    public RowKeySelector(int[] fields) {
        this.fields = fields.clone();
    }

    @Override
    public Row getKey(Row row) {
        Row key = new Row(fields.length);
        for (int i = 0; i < fields.length; i++) {
            key.setField(i, row.getField(fields[i]));
        }
        return key;
    }
}
