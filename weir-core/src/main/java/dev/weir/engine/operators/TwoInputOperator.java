package dev.weir.engine.operators;

/** An operator with two inputs (connected streams). It is always the head of its chain. */
public interface TwoInputOperator extends StreamOperator {
    void processElement1(Object value, long timestamp) throws Exception;

    void processElement2(Object value, long timestamp) throws Exception;
}
