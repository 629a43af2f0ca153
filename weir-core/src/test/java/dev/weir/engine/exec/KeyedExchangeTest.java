package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.CloseableIterator;
import dev.weir.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A keyBy into a keyed one-input operator: the producer extracts and hashes each key, the exchange carries both. */
@Timeout(60)
class KeyedExchangeTest {
    /** Calls of {@link CountingKey}, across its copies. */
    private static final AtomicLong KEY_CALLS = new AtomicLong();

    static final class CountingKey implements KeySelector<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Long value) {
            KEY_CALLS.incrementAndGet();
            return value % 7;
        }
    }

    /** Emits "key:n" for a key's n-th element, counted in value state. */
    static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            Long seen = count.value();
            long n = seen == null ? 1 : seen + 1;
            count.update(n);
            if (!ctx.getCurrentKey().equals(value % 7)) {
                throw new IllegalStateException("current key " + ctx.getCurrentKey() + " for element " + value);
            }
            out.collect(ctx.getCurrentKey() + ":" + n);
        }
    }

    @Test
    void theKeySelectorRunsOncePerRecordAndStateSeesEachRecordUnderItsKey() throws Exception {
        KEY_CALLS.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        DataStream<String> counts = env.fromSequence(1, 700).setParallelism(2)
                .keyBy(new CountingKey())
                .process(new CountPerKey());
        List<String> out = new ArrayList<>();
        try (CloseableIterator<String> it = counts.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }

        // Each of the 7 keys gets exactly 100 elements, so its count runs from 1 to 100, in whatever order they arrive.
        List<String> expected = new ArrayList<>();
        for (long key = 0; key < 7; key++) {
            for (int n = 1; n <= 100; n++) {
                expected.add(key + ":" + n);
            }
        }
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(KEY_CALLS.get()).isEqualTo(700);
    }
}
