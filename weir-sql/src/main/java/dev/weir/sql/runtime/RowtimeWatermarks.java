package dev.weir.sql.runtime;

import dev.weir.api.common.eventtime.TimestampAssigner;
import dev.weir.api.common.eventtime.TimestampAssignerSupplier;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;

/**
 * A table's {@code WATERMARK FOR rowtime AS expression} as a watermark strategy, with Flink SQL's semantics: a row's
 * timestamp is its rowtime column, and the watermark is the largest value of the expression over the rows so far
 * (never below 0), emitted as Flink's WatermarkAssignerOperator does: right after a row that raised it by more than
 * the job's auto-watermark interval since the last one emitted, else periodically at that interval, and once more at
 * the end of bounded input. Which rows are late therefore depends on the rows' order, not on the wall clock. Unlike the
 * DataStream API's bounded-out-of-orderness strategy, nothing is subtracted: {@code ts - INTERVAL '5' SECOND}
 * emits exactly that. Rows with a null rowtime fail the job, as in Flink. The common {@code rowtime - INTERVAL ...} is
 * computed from the row's timestamp as a {@code long} ({@link #rowtimeMinus}), without evaluating and boxing it per row.
 */
public final class RowtimeWatermarks implements WatermarkStrategy<Row> {
    private static final long serialVersionUID = 1L;

    private final int rowtimeIndex;
    private final Expr watermarkExpression;
    private final String rowtimeName;
    private final long intervalMillis;
    /** With no expression, the watermark is the rowtime minus this many milliseconds. */
    private final long offsetMillis;

    public RowtimeWatermarks(int rowtimeIndex, String rowtimeName, Expr watermarkExpression, long intervalMillis) {
        this(rowtimeIndex, rowtimeName, watermarkExpression, 0, intervalMillis);
    }

    private RowtimeWatermarks(int rowtimeIndex, String rowtimeName, Expr watermarkExpression, long offsetMillis,
            long intervalMillis) {
        this.rowtimeIndex = rowtimeIndex;
        this.intervalMillis = intervalMillis;
        this.rowtimeName = rowtimeName;
        this.watermarkExpression = watermarkExpression;
        this.offsetMillis = offsetMillis;
    }

    /** {@code WATERMARK FOR rowtime AS rowtime - offset}: the same watermarks as the expression, from the timestamps. */
    public static RowtimeWatermarks rowtimeMinus(int rowtimeIndex, String rowtimeName, long offsetMillis, long intervalMillis) {
        return new RowtimeWatermarks(rowtimeIndex, rowtimeName, null, offsetMillis, intervalMillis);
    }

    @Override
    public WatermarkGenerator<Row> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new Generator(watermarkExpression, offsetMillis, intervalMillis);
    }

    @Override
    public TimestampAssigner<Row> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return (row, previous) -> {
            Object ts = row.getField(rowtimeIndex);
            if (ts == null) {
                throw new IllegalStateException("RowTime field should not be null, please convert it to a non-null long "
                        + "value: the rowtime column '" + rowtimeName + "' is null in row " + row);
            }
            return (Long) ts;
        };
    }

    private static final class Generator implements WatermarkGenerator<Row> {
        private final Expr expression;
        private final long offset;
        private final long interval;
        // Flink's assigner starts both at 0: no watermark before the epoch.
        private long max;
        private long emitted;

        Generator(Expr expression, long offset, long interval) {
            this.expression = expression;
            this.offset = offset;
            this.interval = interval;
        }

        @Override
        public void onEvent(Row event, long eventTimestamp, WatermarkOutput output) {
            if (expression == null) {
                // The timestamp is the rowtime, never null here: the assigner has failed the job on a null one.
                long watermark = eventTimestamp - offset;
                if (watermark > max) {
                    max = watermark;
                }
            } else {
                Object value = expression.eval(event);
                if (value != null && (Long) value > max) {
                    max = (Long) value;
                }
            }
            if (max - emitted > interval) {
                emitted = max;
                output.emitWatermark(new dev.weir.api.common.eventtime.Watermark(max));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (max > emitted) {
                emitted = max;
                output.emitWatermark(new dev.weir.api.common.eventtime.Watermark(max));
            }
        }
    }
}
