package dev.weir.engine.operators;

import dev.weir.api.java.functions.KeySelector;

/** Sets the current key from each element before a keyed two-input operator processes it. */
public final class KeyedTwoInputOperator extends KeyingOperator implements TwoInputOperator {
    private final TwoInputOperator operator;
    private KeySelector<Object, Object> key1;
    private KeySelector<Object, Object> key2;

    public KeyedTwoInputOperator(TwoInputOperator operator) {
        super(operator);
        this.operator = operator;
    }

    @Override
    public void setup(OperatorContext context, Output output) {
        super.setup(context, output);
        this.key1 = context.keySelector(0);
        this.key2 = context.keySelector(1);
    }

    @Override
    public void processElement1(Object value, long timestamp) throws Exception {
        backend.setCurrentKey(keyChecks.keyOf(key1, value));
        operator.processElement1(value, timestamp);
    }

    @Override
    public void processElement2(Object value, long timestamp) throws Exception {
        backend.setCurrentKey(keyChecks.keyOf(key2, value));
        operator.processElement2(value, timestamp);
    }
}
