package dev.weir.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.runtime.client.JobExecutionException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.util.Collector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A state value that cannot be serialized fails the checkpoint naming the operator, the state, the key group and the fix. */
@Timeout(60)
class UnserializableStateTest {
    @TempDir
    Path dir;

    @Test
    void aStateValueHoldingAThreadFailsTheCheckpointNamingOperatorStateKeyGroupAndWhatToDo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.toString());
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(1000)), WatermarkStrategy.noWatermarks(), "numbers")
                .keyBy(v -> 7L)
                .process(new KeepsAThread()).name("Keeper")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> env.execute("unserializable"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("Exceeded checkpoint tolerable failure threshold (0)")
                .hasMessageContaining("'Keeper'")
                .hasMessageContaining("state 'holder' for key '7' (key group ")
                .hasMessageContaining("cannot be serialized for the checkpoint: " + Holder.class.getName())
                .hasMessageContaining("make the field that holds a resource (a thread, a connection, a stream, a lambda) transient "
                        + "and rebuild it in open()");
    }

    /** A state value with a field no serializer can write. */
    public static final class Holder {
        public long count;
        public Thread worker = new Thread(() -> { });
    }

    /** Keeps a {@link Holder} per key. */
    static final class KeepsAThread extends KeyedProcessFunction<Long, Long, Long> {
        private transient ValueState<Holder> holder;

        @Override
        public void open(OpenContext context) {
            holder = getRuntimeContext().getState(new ValueStateDescriptor<>("holder", Holder.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            Holder h = holder.value();
            if (h == null) {
                h = new Holder();
            }
            h.count++;
            holder.update(h);
        }
    }
}
