package dev.weir.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weir.api.common.state.ReducingState;
import dev.weir.api.common.state.ReducingStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapStateAllocationTest {
    private static final int KEYS = 64;
    private static final int ROUNDS = 2_000;

    @Test
    void readingAndOverwritingExistingValuesAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean threads = threadBean();
        HeapKeyedStateBackend backend = new HeapKeyedStateBackend(128, KeyGroupRange.of(0, 127), () -> 0L);
        ValueState<Integer> value = backend.getOrCreateState(new ValueStateDescriptor<>("v", Integer.class));
        ReducingState<Integer> max = backend.getOrCreateState(new ReducingStateDescriptor<Integer>("max", (a, b) -> a >= b ? a : b, Integer.class));
        Integer[] keys = new Integer[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = i * 1000;
            backend.setCurrentKey(keys[i]);
            value.update(keys[i]);
            max.add(keys[i]);
        }
        touchAll(backend, value, max, keys);

        long before = threads.getCurrentThreadAllocatedBytes();
        long checksum = touchAll(backend, value, max, keys);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(checksum).isEqualTo((long) ROUNDS * KEYS * (KEYS - 1) * 1000 / 2 * 2);
        // A single allocation per access would be over 2 MB here; the slack covers the bean call itself.
        assertThat(allocated).isLessThan(1024);
    }

    private static long touchAll(HeapKeyedStateBackend backend, ValueState<Integer> value, ReducingState<Integer> max,
            Integer[] keys) throws Exception {
        long checksum = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Integer key : keys) {
                backend.setCurrentKey(key);
                Integer current = value.value();
                value.update(current);
                max.add(key);
                checksum += current + max.get();
            }
        }
        return checksum;
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs a JVM that counts allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "needs per-thread allocation counting");
        return threads;
    }
}
