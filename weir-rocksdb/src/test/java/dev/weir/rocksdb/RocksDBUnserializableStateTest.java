package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.runtime.client.JobExecutionException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RocksDB serializes a state value when it is written (the heap only at a checkpoint), so a value no serializer can
 * write fails the job at the update: the message names the state, the operator, the key and what to do, not the
 * serializer's words alone.
 */
@Timeout(60)
class RocksDBUnserializableStateTest {

    @Test
    void aValueStateHoldingAThreadFailsAtTheUpdateNamingStateOperatorKeyAndWhatToDo() {
        assertThatThrownBy(() -> run(new KeepsAThreadInValueState(), "value-keeper"))
                .isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining("State 'holder' of ")
                .hasStackTraceContaining("value-keeper")
                .hasStackTraceContaining(" for key '7' (key group ")
                .hasStackTraceContaining("a value of " + Holder.class.getName() + " cannot be serialized for RocksDB")
                .hasStackTraceContaining("make the field that holds a resource (a thread, a connection, a stream, a lambda) "
                        + "transient and rebuild it in open(), or keep this job's state on the heap (state.backend.type: hashmap)");
    }

    @Test
    void aMapStateValueHoldingAThreadFailsTheSameWay() {
        assertThatThrownBy(() -> run(new KeepsAThreadInMapState(), "map-keeper"))
                .isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining("State 'holders' of ")
                .hasStackTraceContaining("map-keeper")
                .hasStackTraceContaining(" for key '7' (key group ")
                .hasStackTraceContaining("a value of " + Holder.class.getName() + " cannot be serialized for RocksDB");
    }

    private static void run(KeyedProcessFunction<Long, Long, Long> function, String name) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setStateBackend(new EmbeddedRocksDBStateBackend());
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSequence(1, 10)
                .keyBy(v -> 7L)
                .process(function).name(name)
                .sinkTo(new DiscardingSink<>());
        env.execute("unserializable-on-rocksdb");
    }

    /** A state value with a field no serializer can write. */
    public static final class Holder {
        public long count;
        public Thread worker = new Thread(() -> { });
    }

    /** Keeps a {@link Holder} per key in a value state. */
    static final class KeepsAThreadInValueState extends KeyedProcessFunction<Long, Long, Long> {
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

    /** Keeps a {@link Holder} per key in a map state. */
    static final class KeepsAThreadInMapState extends KeyedProcessFunction<Long, Long, Long> {
        private transient MapState<Long, Holder> holders;

        @Override
        public void open(OpenContext context) {
            holders = getRuntimeContext().getMapState(new MapStateDescriptor<>("holders", Long.class, Holder.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            holders.put(value, new Holder());
        }
    }
}
