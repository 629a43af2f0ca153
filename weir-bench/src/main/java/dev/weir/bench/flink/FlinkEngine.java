package dev.weir.bench.flink;

import dev.weir.bench.Checksum;
import dev.weir.bench.Engine;
import dev.weir.bench.Event;
import dev.weir.bench.Span;
import dev.weir.bench.Workload;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs the bench's workloads on Flink's local environment (a MiniCluster in this JVM), with object reuse on: the
 * setting Flink's own benchmarks use, so Flink is measured at its best.
 */
public final class FlinkEngine implements Engine {

    @Override
    public String name() {
        return "flink-" + EnvironmentInformation.getVersion();
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
        FlinkJobs.stateless(FlinkJobs.events(env, Workload.STARTUP.shape(Workload.STARTUP.benchEvents)))
                .sinkTo(new TimedSink<>());
        env.execute("weir-bench startup");
    }

    private static StreamExecutionEnvironment environment(Workload workload) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(workload.parallelism);
        env.getConfig().enableObjectReuse();
        return env;
    }

    private static DataStream<?> job(StreamExecutionEnvironment env, Workload workload, long events) {
        DataStream<Event> source = FlinkJobs.events(env, workload.shape(events));
        return switch (workload) {
            case STATELESS -> FlinkJobs.stateless(source);
            case KEYED_PROCESS -> FlinkJobs.keyedProcess(source);
            case STARTUP -> throw new IllegalArgumentException("Workload STARTUP runs through runTrivialJob()");
            default -> FlinkWindowJobs.build(workload, source);
        };
    }
}
