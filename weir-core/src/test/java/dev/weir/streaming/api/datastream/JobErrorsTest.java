package dev.weir.streaming.api.datastream;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.runtime.client.JobExecutionException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JobErrorsTest {

    @Test
    void anExceptionInAUserFunctionFailsTheJobNamingTheOperatorSubtaskAndRecord() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromData("1", "2", "three", "4").rebalance()
                .map(Integer::parseInt).name("parse")
                .sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThatThrownBy(() -> env.execute("parsing"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("Job 'parsing' failed")
                .hasMessageContaining("Map 'parse' (")
                .hasMessageContaining("/2)")
                .hasMessageContaining("on record 'three'")
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void aNullKeyFailsTheJobWithTheRecord() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(Tuple2.of("a", 1), Tuple2.of((String) null, 2))
                .keyBy(t -> t.f0).sum(1)
                .sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThatThrownBy(env::execute)
                .hasMessageContaining("KeySelector returned null")
                .hasMessageContaining("(null,2)");
    }

    @Test
    void anArrayKeyIsRefusedBecauseItHashesByIdentity() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("ab", "cd").keyBy(String::toCharArray).map(s -> s)
                .sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThatThrownBy(env::execute).hasMessageContaining("char[]");
    }

    @Test
    void forwardPartitioningBetweenDifferentParallelismsFailsAtBuildTime() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 10).forward().map(x -> x).setParallelism(1)
                .sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThatThrownBy(env::execute)
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("Forward partitioning does not allow a change of parallelism")
                .hasMessageContaining("rebalance()");
    }

    @Test
    void aNonParallelSourceRefusesAParallelismAboveOne() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromData(1, 2, 3).setParallelism(2).sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThatThrownBy(env::execute)
                .isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("Source 'Collection Source' can run with at most 1 subtask");
    }

    @Test
    void keyedStateOnANonKeyedStreamIsRefusedWithTheFix() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(1).map(new RichMapFunction<Integer, Integer>() {
            @Override
            public void open(OpenContext openContext) {
                getRuntimeContext().getState(new ValueStateDescriptor<>("s", Integer.class));
            }

            @Override
            public Integer map(Integer value) {
                return value;
            }
        }).name("stateful").sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThatThrownBy(env::execute)
                .hasMessageContaining("Keyed state can only be used on a 'keyed stream'")
                .hasMessageContaining("call keyBy(...) before it");
    }

    @Test
    void anEventTimeTimerWithoutWatermarksUpstreamIsRefusedNamingTheSource() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("a").keyBy(s -> s).process(new KeyedProcessFunction<String, String, String>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                ctx.timerService().registerEventTimeTimer(10);
            }
        }).sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThatThrownBy(env::execute)
                .hasMessageContaining("registered an event-time timer")
                .hasMessageContaining("source 'Collection Source' has no timestamps and watermarks")
                .hasMessageContaining("assignTimestampsAndWatermarks");
    }

    @Test
    void aMapReturningNullFailsWithTheFix() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("a").map(s -> (String) null).name("nothing").sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThatThrownBy(env::execute).hasMessageContaining("Map 'nothing' (1/1) returned null")
                .hasMessageContaining("use filter or flatMap");
    }

    @Test
    void aJobWithoutSinksCannotBeExecuted() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(1).map(x -> x);
        assertThatThrownBy(env::execute).isInstanceOf(IllegalStateException.class).hasMessageContaining("add a sink");
    }

    @Test
    void anUnknownSettingIsRefused() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.configure("weir.nonsense", "1");
        env.fromData(1).sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        assertThatThrownBy(env::execute).isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining("Unknown setting 'weir.nonsense'");
    }

    @Test
    void aFailedJobLeavesNoWorkerThreadsBehind() throws Exception {
        for (int i = 0; i < 3; i++) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            env.fromSequence(1, 100).map(x -> 1 / (x - 50)).sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
            assertThatThrownBy(env::execute).isInstanceOf(JobExecutionException.class);
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (workerThreads() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(workerThreads()).isZero();
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("weir-Weir Streaming Job-worker")).count();
    }
}
