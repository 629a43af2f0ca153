package dev.weir.sql.udf;

import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.sql.expr.Expr;
import dev.weir.table.functions.TableFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;

/**
 * {@code t, LATERAL TABLE(f(..))}: calls the table function for each row of {@code t} and emits the row joined with
 * each row the function collects, of the input row's change kind; with {@code LEFT JOIN .. ON TRUE}, a row for which
 * the function collects nothing is emitted once padded with nulls.
 */
public final class TableFunctionJoin implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final FunctionInvoker eval;
    private final Expr[] arguments;
    private final boolean leftOuter;
    private final int functionArity;
    private transient RowCollector collector;
    private transient Object[] values;

    public TableFunctionJoin(FunctionInvoker eval, Expr[] arguments, boolean leftOuter, int functionArity) {
        this.eval = eval;
        this.arguments = arguments.clone();
        this.leftOuter = leftOuter;
        this.functionArity = functionArity;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void flatMap(Row row, Collector<Row> out) {
        if (collector == null) {
            collector = new RowCollector();
            ((TableFunction<Object>) eval.function()).setCollector(collector);
            values = new Object[arguments.length];
        }
        for (int i = 0; i < arguments.length; i++) {
            values[i] = arguments[i].eval(row);
        }
        collector.input = row;
        collector.out = out;
        collector.emitted = false;
        eval.invoke(null, values);
        if (!collector.emitted && leftOuter) {
            out.collect(joined(row, null));
        }
    }

    private Row joined(Row left, Object emitted) {
        int arity = left.getArity();
        Row out = new Row(left.getKind(), arity + functionArity);
        for (int i = 0; i < arity; i++) {
            out.setField(i, left.getField(i));
        }
        if (emitted instanceof Row) {
            Row r = (Row) emitted;
            for (int i = 0; i < functionArity && i < r.getArity(); i++) {
                out.setField(arity + i, JavaValues.toInternal(r.getField(i)));
            }
        } else if (emitted != null) {
            out.setField(arity, JavaValues.toInternal(emitted));
        }
        return out;
    }

    /** Receives the function's rows for the current input row. */
    private final class RowCollector implements Collector<Object> {
        Row input;
        Collector<Row> out;
        boolean emitted;

        @Override
        public void collect(Object record) {
            emitted = true;
            out.collect(joined(input, record));
        }

        @Override
        public void close() {
        }
    }
}
