package dev.weir.engine.operators;

import dev.weir.api.java.functions.KeySelector;

/** Sets the current key from each element before a keyed one-input operator processes it. */
public final class KeyedOneInputOperator extends KeyingOperator implements OneInputOperator {
    private final OneInputOperator operator;
    private KeySelector<Object, Object> keySelector;

    public KeyedOneInputOperator(OneInputOperator operator) {
        super(operator);
        this.operator = operator;
    }

    @Override
    public void setup(OperatorContext context, Output output) {
        super.setup(context, output);
        this.keySelector = context.keySelector(0);
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        backend.setCurrentKey(keyChecks.keyOf(keySelector, value));
        operator.processElement(value, timestamp);
    }

    public OneInputOperator unwrap() {
        return operator;
    }
}
