package dev.weir.streaming.api.environment;

/**
 * The environment {@code createLocalEnvironment} returns, as in Flink. Every Weir environment runs its jobs in this
 * JVM, so it behaves exactly like {@link StreamExecutionEnvironment}.
 */
public class LocalStreamEnvironment extends StreamExecutionEnvironment {
    protected LocalStreamEnvironment(int parallelism) {
        super(parallelism);
    }
}
