package dev.weir.engine.windowing;

import dev.weir.api.common.accumulators.Accumulator;
import dev.weir.api.common.accumulators.LongCounter;
import dev.weir.api.common.functions.RuntimeContext;
import dev.weir.metrics.Counter;
import dev.weir.metrics.MetricGroup;
import dev.weir.engine.exec.StreamingRuntimeContext;

/**
 * A window operator's {@code numLateRecordsDropped} counter: the operator metric Flink names so, and also a job
 * accumulator of the same name, summed over every window operator and subtask of the job, so that a finished job
 * reports it through {@code JobExecutionResult.getAccumulatorResult("numLateRecordsDropped")} without a metrics
 * reporter. After a restart the count goes on from where the failed attempt left it, so replayed drops count again.
 */
final class LateRecordsDropped implements Counter {
    static final String NAME = "numLateRecordsDropped";

    private final LongCounter accumulator;
    private long count;

    private LateRecordsDropped(LongCounter accumulator) {
        this.accumulator = accumulator;
    }

    /** Registers the counter in {@code metrics} and the accumulator in {@code runtimeContext}. */
    static Counter register(MetricGroup metrics, RuntimeContext runtimeContext) {
        Accumulator<Long, Long> existing = runtimeContext instanceof StreamingRuntimeContext streaming
                // Two window operators of the same name may open at once on two threads: check and add in one step.
                ? streaming.getOrAddAccumulator(NAME, LongCounter::new)
                : runtimeContext.getAccumulator(NAME);
        LongCounter accumulator = existing instanceof LongCounter counter ? counter : null;
        if (accumulator == null) {
            accumulator = new LongCounter();
            runtimeContext.addAccumulator(NAME, accumulator);
        }
        return metrics.counter(NAME, new LateRecordsDropped(accumulator));
    }

    @Override
    public void inc() {
        inc(1);
    }

    @Override
    public void inc(long n) {
        count += n;
        accumulator.add(n);
    }

    @Override
    public void dec() {
        inc(-1);
    }

    @Override
    public void dec(long n) {
        inc(-n);
    }

    @Override
    public long getCount() {
        return count;
    }
}
