package dev.weir.streaming.api.environment;

import dev.weir.plan.PipelineExecutor;

/**
 * The environment {@code createLocalEnvironment} returns, as in Flink. Every Weir environment runs its jobs in this
 * JVM, so it behaves exactly like {@link StreamExecutionEnvironment}; as in Flink, its target is {@code local} even
 * when the process's default configuration names another ({@code weir run --target flink}).
 */
public class LocalStreamEnvironment extends StreamExecutionEnvironment {
    protected LocalStreamEnvironment(int parallelism) {
        super(parallelism);
        configure(PipelineExecutor.TARGET, PipelineExecutor.LOCAL_TARGET);
    }

    protected LocalStreamEnvironment() {
        super();
        configure(PipelineExecutor.TARGET, PipelineExecutor.LOCAL_TARGET);
    }
}
