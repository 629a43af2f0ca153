package dev.weir.engine.operators;

/** An operator with one input. */
public interface OneInputOperator extends StreamOperator {
    /** Processes one element; {@code timestamp} is {@link Output#NO_TIMESTAMP} when it has none. */
    void processElement(Object value, long timestamp) throws Exception;
}
