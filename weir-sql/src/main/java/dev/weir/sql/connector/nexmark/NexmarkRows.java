package dev.weir.sql.connector.nexmark;

import dev.weir.connector.datagen.source.GeneratorFunction;
import dev.weir.types.Row;

/** Turns an event number into the nexmark table's row in Weir SQL's internal form (timestamps as epoch millis). */
final class NexmarkRows implements GeneratorFunction<Long, Row>, NexmarkColumns.RowFactory<Row> {
    private static final long serialVersionUID = 1L;

    private final NexmarkGenerator generator;
    private final NexmarkColumns columns;

    NexmarkRows(NexmarkGenerator generator, NexmarkColumns columns) {
        this.generator = generator;
        this.columns = columns;
    }

    @Override
    public Row map(Long index) {
        return columns.fill(generator, index, this);
    }

    @Override
    public Row row(int arity) {
        return new Row(arity);
    }

    @Override
    public void set(Row row, int field, Object value) {
        row.setField(field, value);
    }

    @Override
    public Object timestamp(long epochMillis) {
        return epochMillis;
    }

    @Override
    public Object string(String value) {
        return value;
    }
}
