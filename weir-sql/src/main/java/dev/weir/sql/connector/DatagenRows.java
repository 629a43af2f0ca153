package dev.weir.sql.connector;

import dev.weir.connector.datagen.source.GeneratorFunction;
import dev.weir.types.Row;

/** Turns a row index into a datagen row, one {@link DatagenField} per column. */
final class DatagenRows implements GeneratorFunction<Long, Row> {
    private static final long serialVersionUID = 1L;

    private final DatagenField[] fields;

    DatagenRows(DatagenField[] fields) {
        this.fields = fields;
    }

    @Override
    public Row map(Long index) {
        Row row = new Row(fields.length);
        long i = index;
        for (int f = 0; f < fields.length; f++) {
            row.setField(f, fields[f].value(i));
        }
        return row;
    }
}
