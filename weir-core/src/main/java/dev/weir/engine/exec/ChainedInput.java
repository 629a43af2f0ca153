package dev.weir.engine.exec;

import dev.weir.util.OutputTag;
import dev.weir.engine.operators.OneInputOperator;
import dev.weir.engine.operators.OperatorFailure;
import dev.weir.engine.operators.Output;

/**
 * The output of an operator that is the input of the next operator in the chain: a direct call. A failure of the
 * next operator is wrapped once with its name and the record, so the job's error says where it happened.
 */
final class ChainedInput implements Output {
    private final OneInputOperator operator;

    ChainedInput(OneInputOperator operator) {
        this.operator = operator;
    }

    @Override
    public void collect(Object value, long timestamp) {
        try {
            operator.processElement(value, timestamp);
        } catch (Throwable t) {
            throw OperatorFailure.wrap(operator, OperatorFailure.onRecord(value), t);
        }
    }

    /** Only elements for tags nobody reads get here (read tags are routed before): dropped, as in Flink. */
    @Override
    public void collect(OutputTag<?> tag, Object value, long timestamp) {
    }

    @Override
    public void emitWatermark(long watermark) {
        try {
            operator.processWatermark(watermark);
        } catch (Throwable t) {
            throw OperatorFailure.wrap(operator, "on watermark " + watermark, t);
        }
    }

    @Override
    public void emitIdleness(boolean idle) {
        try {
            operator.processIdleness(idle);
        } catch (Throwable t) {
            throw OperatorFailure.wrap(operator, "on idleness change", t);
        }
    }
}
