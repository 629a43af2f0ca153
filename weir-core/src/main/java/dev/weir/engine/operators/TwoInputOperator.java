package dev.weir.engine.operators;

/** An operator with two inputs (connected streams). It is always the head of its chain. */
public interface TwoInputOperator extends StreamOperator {
    void processElement1(Object value, long timestamp) throws Exception;

    void processElement2(Object value, long timestamp) throws Exception;

    /**
     * Every channel of input 1 or 2 has ended (bounded input); called before the watermark this may advance is
     * processed, and before {@link #endInput()}, which follows once both inputs have ended.
     */
    default void endInput(int inputId) throws Exception {
    }
}
