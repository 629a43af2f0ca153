package dev.weir.sql.runtime;

import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;

/**
 * TO_CHANGELOG's rows: each row of an updating table becomes an inserted row whose first column is the code of its
 * change operation (+I, -U, +U, -D), followed by the row's columns; a row whose change operation has no code is dropped.
 * Stateless, as Flink's: a row's output depends on that row alone.
 */
public final class ToChangelogFunction implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final String[] codesByKind;

    /** {@code codesByKind}: the code written for each {@link dev.weir.types.RowKind} by ordinal, null to drop it. */
    public ToChangelogFunction(String[] codesByKind) {
        this.codesByKind = codesByKind.clone();
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        String code = codesByKind[row.getKind().ordinal()];
        if (code == null) {
            return;
        }
        int arity = row.getArity();
        Row result = new Row(arity + 1);
        result.setField(0, code);
        for (int i = 0; i < arity; i++) {
            result.setField(i + 1, row.getField(i));
        }
        out.collect(result);
    }
}
