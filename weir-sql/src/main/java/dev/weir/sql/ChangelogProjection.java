package dev.weir.sql;

import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.sql.types.ValueConversions;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.types.RowUtils;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final LinkedHashMap<String, Integer> positionByName = new LinkedHashMap<>();

    ChangelogProjection(int[] fields, List<String> names, ValueConversions conversions, boolean dropUpdateBefore) {
        this.fields = fields.clone();
        for (int i = 0; i < names.size(); i++) {
            positionByName.put(names.get(i), i);
        }
        this.conversions = conversions;
        this.dropUpdateBefore = dropUpdateBefore;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        if (dropUpdateBefore && row.getKind() == RowKind.UPDATE_BEFORE) {
            return;
        }
        Object[] values = new Object[fields.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getField(fields[i]);
        }
        out.collect(conversions.toExternal(RowUtils.createRowWithNamedPositions(row.getKind(), values, positionByName)));
    }
}
