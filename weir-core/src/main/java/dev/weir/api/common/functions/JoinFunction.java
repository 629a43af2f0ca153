package dev.weir.api.common.functions;

/** Combines one pair of joined elements into one result. */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
    OUT join(IN1 first, IN2 second) throws Exception;
}
