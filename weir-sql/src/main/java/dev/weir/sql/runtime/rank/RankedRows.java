package dev.weir.sql.runtime.rank;

import dev.weir.types.Row;
import dev.weir.types.RowKind;

/** A Top-N's output rows: the input row with its row number appended (null when the result does not show it). */
final class RankedRows {
    private RankedRows() {
    }

    static Row ranked(RowKind kind, Row row, long rank, boolean withRowNumber) {
        int arity = row.getArity();
        Row out = new Row(kind, arity + 1);
        for (int i = 0; i < arity; i++) {
            out.setField(i, row.getField(i));
        }
        out.setField(arity, withRowNumber ? (Object) rank : null);
        return out;
    }
}
