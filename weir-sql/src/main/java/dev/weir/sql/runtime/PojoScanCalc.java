package dev.weir.sql.runtime;

import dev.weir.sql.expr.Expr;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.Objects;

/**
 * A DataStream table's scan fused with the Calc over it: a POJO element's columns are read straight from its properties
 * ({@link PojoColumn}), the condition is tested on them, and only an element that passes becomes a row, the Calc's
 * output row; no row of the table's columns is built per element. Any other element (a Row, a tuple, a single value)
 * takes the unfused way, the table's row from {@link DataStreamRows} and then the Calc over it, so the results are the
 * same whatever the elements are.
 */
public final class PojoScanCalc<T> extends ProcessFunction<T, Row> {
    private static final long serialVersionUID = 1L;

    private final DataStreamRows<T> tableRows;
    private final CalcFunction rowCalc;
    private final Expr condition;
    private final Expr[] projections;

    // The last element class found to be a POJO of the table's columns; the one reused row whose field 0 is the element.
    private transient Class<?> pojoClass;
    private transient Row element;
    private transient RowsIntoCalc unfused;

    /**
     * {@code tableRows} and {@code rowCalc} are the scan and the Calc for elements that are no POJOs; {@code condition}
     * (null keeps every element) and {@code projections} are the same Calc compiled over the element's
     * {@link PojoColumn}s.
     */
    public PojoScanCalc(DataStreamRows<T> tableRows, CalcFunction rowCalc, Expr condition, Expr[] projections) {
        this.tableRows = Objects.requireNonNull(tableRows, "tableRows");
        this.rowCalc = Objects.requireNonNull(rowCalc, "rowCalc");
        this.condition = condition;
        this.projections = Objects.requireNonNull(projections, "projections").clone();
    }

    @Override
    public void processElement(T value, Context ctx, Collector<Row> out) throws Exception {
        if (value.getClass() != pojoClass) {
            if (!tableRows.fillsFromProperties(value)) {
                if (unfused == null) {
                    unfused = new RowsIntoCalc(rowCalc);
                }
                unfused.out = out;
                tableRows.processElement(value, ctx, unfused);
                return;
            }
            pojoClass = value.getClass();
            element = new Row(RowKind.INSERT, 1);
        }
        Row in = element;
        in.setField(0, value);
        if (condition != null && !condition.isTrue(in)) {
            return;
        }
        Row result = new Row(RowKind.INSERT, projections.length);
        for (int i = 0; i < projections.length; i++) {
            result.setField(i, projections[i].eval(in));
        }
        out.collect(result);
    }

    /** The table rows of the unfused way, handed to the Calc, whose rows go to the operator's output. */
    private static final class RowsIntoCalc implements Collector<Row> {
        private final CalcFunction calc;
        private Collector<Row> out;

        RowsIntoCalc(CalcFunction calc) {
            this.calc = calc;
        }

        @Override
        public void collect(Row row) {
            calc.flatMap(row, out);
        }
    }
}
