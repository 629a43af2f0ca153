package dev.weir.sql.runtime;

import dev.weir.sql.expr.OperatorWatermark;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.types.Row;
import dev.weir.util.Collector;

/**
 * A {@link CalcFunction} whose expressions read CURRENT_WATERMARK: before each row it hands them the operator's
 * current watermark (Long.MIN_VALUE, read as NULL, until the first one arrives), as Flink's Calc sees it.
 */
public final class WatermarkCalcFunction extends ProcessFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final CalcFunction calc;
    private final OperatorWatermark watermark;

    /** {@code watermark} is the one the calc's expressions were compiled to read. */
    public WatermarkCalcFunction(CalcFunction calc, OperatorWatermark watermark) {
        this.calc = calc;
        this.watermark = watermark;
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) {
        watermark.set(ctx.timerService().currentWatermark());
        calc.flatMap(row, out);
    }
}
