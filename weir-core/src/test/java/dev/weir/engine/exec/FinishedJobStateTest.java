package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobStatus;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.core.execution.JobClient;
import dev.weir.engine.status.JobRegistry;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.util.Collector;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A finished job stays listed on the dashboard (the registry keeps the latest ended jobs) but holds none of its tasks'
 * state: before, every ended job kept its last attempt, and a JVM running a large stateful job several times (the
 * Nexmark q4 benchmark's rounds) ran out of memory by the third. The timeout guards against a hang only.
 */
@Timeout(120)
class FinishedJobStateTest {
    /** The value the job's keyed state held, seen weakly from here. */
    static volatile WeakReference<byte[]> stateValue;

    @Test
    void aFinishedJobKeptInTheRegistryHoldsNoneOfItsKeyedState() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("a").keyBy(s -> s).process(new KeepsAValue()).sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("keeps-state");
        client.getJobExecutionResult().get();

        assertThat(JobRegistry.global().job(client.getJobID().toString()).status()).isEqualTo(JobStatus.FINISHED);
        while (stateValue.get() != null) {
            // Waits for the collector, not for time: the test's timeout fails it if the value is still reachable.
            System.gc();
            Thread.sleep(10);
        }
        assertThat(stateValue.get()).isNull();
    }

    /** Keeps a megabyte in keyed state and lets the test see it weakly. */
    static final class KeepsAValue extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<byte[]> value;

        @Override
        public void open(OpenContext openContext) {
            value = getRuntimeContext().getState(new ValueStateDescriptor<>("value", byte[].class));
        }

        @Override
        public void processElement(String element, Context ctx, Collector<String> out) throws Exception {
            byte[] kept = new byte[1 << 20];
            value.update(kept);
            stateValue = new WeakReference<>(kept);
            out.collect(element);
        }
    }
}
