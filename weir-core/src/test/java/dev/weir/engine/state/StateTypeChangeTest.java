package dev.weir.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.core.execution.JobClient;
import dev.weir.runtime.client.JobExecutionException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.util.Collector;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint whose {@code ValueState<Long>} the job now declares as {@code ValueState<String>} is refused when the
 * state is registered, before any record, naming the operator, the state and both types (Flink's serializer
 * compatibility check refuses it likewise), instead of a bare ClassCastException on some later record.
 */
@Timeout(60)
class StateTypeChangeTest {
    /** Records the new job's function processed. */
    static final AtomicLong PROCESSED = new AtomicLong();

    @TempDir
    Path dir;

    @Test
    void aValueStateRestoredUnderAnotherTypeFailsTheJobAtOpenNamingOperatorStateAndBothTypes() throws Exception {
        StreamExecutionEnvironment first = StreamExecutionEnvironment.createLocalEnvironment(1);
        first.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(2000)), WatermarkStrategy.noWatermarks(), "numbers")
                .keyBy(v -> v % 3)
                .process(new CountAsLong()).uid("counter").name("Counter")
                .sinkTo(new DiscardingSink<>());
        JobClient running = first.executeAsync("typed");
        while (CountAsLong.COUNTED.get() < 30) {
            Thread.sleep(5);
        }
        String savepoint = running.triggerSavepoint(dir.toString()).get();
        running.cancel().get();

        StreamExecutionEnvironment second = StreamExecutionEnvironment.createLocalEnvironment(1);
        second.setRestorePath(savepoint, true); // the first job's source state has no twin here
        second.fromData(1L, 2L, 3L)
                .keyBy(v -> v % 3)
                .process(new CountAsString()).uid("counter").name("Counter")
                .sinkTo(new DiscardingSink<>());

        assertThatThrownBy(() -> second.execute("retyped"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("'Counter'")
                .hasMessageContaining("in open()")
                .hasMessageContaining("The restored state 'count' is incompatible: the checkpoint holds ValueState<java.lang.Long> values, "
                        + "but the job now declares ValueState<java.lang.String>: keep the state's type, or declare the new type under a new state name");
        assertThat(PROCESSED).hasValue(0);
    }

    /** Counts records per key in a {@code ValueState<Long>}. */
    static final class CountAsLong extends KeyedProcessFunction<Long, Long, Long> {
        static final AtomicLong COUNTED = new AtomicLong();
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
            COUNTED.incrementAndGet();
        }
    }

    /** The same state, now declared as {@code ValueState<String>}. */
    static final class CountAsString extends KeyedProcessFunction<Long, Long, Long> {
        private transient ValueState<String> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", String.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            PROCESSED.incrementAndGet();
            count.update(count.value() + "x");
        }
    }
}
