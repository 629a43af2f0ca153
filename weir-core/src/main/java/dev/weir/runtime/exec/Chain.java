package dev.weir.runtime.exec;

import dev.weir.runtime.operators.OperatorFailure;
import dev.weir.runtime.operators.StreamOperator;
import java.util.List;

/**
 * The operators of one subtask of a chain, in topological order (the head first). Opens them tail first, so each
 * operator's consumers are ready before it emits; ends and closes them head first.
 */
final class Chain {
    private final StreamOperator[] operators;

    Chain(List<StreamOperator> operators) {
        this.operators = operators.toArray(new StreamOperator[0]);
    }

    void open() throws Exception {
        for (int i = operators.length - 1; i >= 0; i--) {
            try {
                operators[i].open();
            } catch (Throwable t) {
                throw OperatorFailure.wrap(operators[i], "in open()", t);
            }
        }
    }

    void endInput() {
        for (StreamOperator op : operators) {
            try {
                op.endInput();
            } catch (Throwable t) {
                throw OperatorFailure.wrap(op, "at the end of its input", t);
            }
        }
    }

    /** Closes every operator even when some fail; returns the first failure, or null. */
    Throwable close() {
        Throwable first = null;
        for (StreamOperator op : operators) {
            try {
                op.close();
            } catch (Throwable t) {
                if (first == null) {
                    first = OperatorFailure.wrap(op, "in close()", t);
                }
            }
        }
        return first;
    }

    boolean isCooperative() {
        for (StreamOperator op : operators) {
            if (!op.isCooperative()) {
                return false;
            }
        }
        return true;
    }
}
