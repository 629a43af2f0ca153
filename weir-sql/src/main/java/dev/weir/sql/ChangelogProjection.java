package dev.weir.sql;

import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.sql.types.ValueConversions;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;

/**
 * A table's rows as {@code toChangelogStream(table, schema, mode)} hands them out: the declared columns, picked by name
 * and in external form, one new row per input row; in upsert mode without the update-before rows.
 */
final class ChangelogProjection implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int[] fields;
    private final ValueConversions conversions;
    private final boolean dropUpdateBefore;

    ChangelogProjection(int[] fields, ValueConversions conversions, boolean dropUpdateBefore) {
        this.fields = fields.clone();
        this.conversions = conversions;
        this.dropUpdateBefore = dropUpdateBefore;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        if (dropUpdateBefore && row.getKind() == RowKind.UPDATE_BEFORE) {
            return;
        }
        out.collect(conversions.toExternal(Row.project(row, fields)));
    }
}
