package dev.weir.engine.operators;

import dev.weir.api.java.functions.KeySelector;

/**
 * Sets the current key from each element before a keyed one-input operator processes it; from the key and key group
 * the keyed exchange carried with the element when it did.
 */
public final class KeyedOneInputOperator extends KeyingOperator implements OneInputOperator, KeyedRecordInput {
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

    @Override
    public void processKeyedElement(Object value, long timestamp, Object key, int keyGroup) throws Exception {
        backend.setCurrentKey(key, keyGroup);
        operator.processElement(value, timestamp);
    }

    public OneInputOperator unwrap() {
        return operator;
    }
}
