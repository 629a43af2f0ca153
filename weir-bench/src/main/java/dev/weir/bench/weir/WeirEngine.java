package dev.weir.bench.weir;

import dev.weir.api.CloseableIterator;
import dev.weir.api.DataStream;
import dev.weir.api.StreamExecutionEnvironment;
import dev.weir.bench.Checksum;
import dev.weir.bench.Engine;
import dev.weir.bench.Event;
import dev.weir.bench.Span;
import dev.weir.bench.Workload;

/** Runs the bench's workloads on Weir's local runtime. */
public final class WeirEngine implements Engine {

    @Override
    public String name() {
        return "weir";
    }

    @Override
    public boolean supports(Workload workload) {
        return true;
    }

    @Override
    public long measure(Workload workload, long events) throws Exception {
        StreamExecutionEnvironment env = environment(workload);
        job(env, workload, events).sinkTo(new TimedSink<>());
        Span.reset();
        env.execute("weir-bench " + workload);
        return Span.nanos();
    }

    @Override
    public Checksum check(Workload workload, long events) throws Exception {
        StreamExecutionEnvironment env = environment(workload);
        try (CloseableIterator<?> output = job(env, workload, events).executeAndCollect()) {
            return Checksum.of(output);
        }
    }

    @Override
    public void runTrivialJob() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        WeirJobs.stateless(WeirJobs.events(env, Workload.STARTUP.shape(Workload.STARTUP.benchEvents)))
                .sinkTo(new TimedSink<>());
        env.execute("weir-bench startup");
    }

    private static StreamExecutionEnvironment environment(Workload workload) {
        return StreamExecutionEnvironment.createLocalEnvironment(workload.parallelism);
    }

    private DataStream<?> job(StreamExecutionEnvironment env, Workload workload, long events) {
        DataStream<Event> source = WeirJobs.events(env, workload.shape(events));
        return switch (workload) {
            case STATELESS -> WeirJobs.stateless(source);
            case KEYED_PROCESS -> WeirJobs.keyedProcess(source);
            case STARTUP -> throw new IllegalArgumentException("Workload STARTUP runs through runTrivialJob()");
            default -> WeirWindowJobs.build(workload, source);
        };
    }
}
