package dev.weir.sql.runtime;

import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.table.api.TableException;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.HashMap;
import java.util.Map;

/**
 * FROM_CHANGELOG's rows: each row of an append-only table becomes a row of the change operation its op column's code
 * names (+I, -U, +U, -D), with the row's other columns. A NULL or unknown code fails the job with Flink's message, the
 * row and the fix. Stateless, as Flink's: a row's output depends on that row alone.
 */
public final class FromChangelogFunction implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int opColumn;
    private final HashMap<String, RowKind> kindsByCode;

    /** {@code opColumn}: the input's column holding the code; {@code kindsByCode}: the change operation of each code. */
    public FromChangelogFunction(int opColumn, Map<String, RowKind> kindsByCode) {
        this.opColumn = opColumn;
        this.kindsByCode = new HashMap<>(kindsByCode);
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        Object code = row.getField(opColumn);
        RowKind kind = code == null ? null : kindsByCode.get(code.toString());
        if (kind == null) {
            throw refused(row, code);
        }
        int arity = row.getArity();
        Row result = new Row(kind, arity - 1);
        for (int i = 0, at = 0; i < arity; i++) {
            if (i != opColumn) {
                result.setField(at++, row.getField(i));
            }
        }
        out.collect(result);
    }

    private TableException refused(Row row, Object code) {
        String flinks = code == null ? "Received NULL op code. Every changelog row must carry an operation code."
                : "Received invalid op code '" + code + "'. Defined op codes are: " + kindsByCode.keySet() + ".";
        return new TableException(flinks + " FROM_CHANGELOG read it in the row " + row + "; add the code to op_mapping, or "
                + "filter such rows out of FROM_CHANGELOG's input (WHERE op IN (...)).");
    }
}
