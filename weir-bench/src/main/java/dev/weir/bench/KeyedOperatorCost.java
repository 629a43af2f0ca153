package dev.weir.bench;

import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.state.HeapKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.HeapTimerServices;
import dev.weir.engine.time.InternalTimer;
import dev.weir.engine.time.InternalTimerService;
import dev.weir.engine.time.ManualProcessingTimeService;
import dev.weir.engine.time.Triggerable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The heap state backend and timer service alone, on one thread, without source, exchange or JIT-shared job code:
 * what workload 6's operator costs per event, and what one timer costs. Prints the thread's CPU time per event of
 * each round, which a loaded machine distorts less than wall time. To compare two weir-core builds, alternate fresh
 * JVMs with either jar in place of the tree's on the class path:
 *
 * <pre>
 * java -cp "weir-bench/target/flink-1.20.5/classes:$(cat weir-bench/target/flink-1.20.5/classpath.txt)" \
 *     dev.weir.bench.KeyedOperatorCost keyed-process 2000000 8     # value state + a timer per key, 10,000 keys
 * ... dev.weir.bench.KeyedOperatorCost timers 1000000 8            # register and fire 10,000 timers at a time
 * </pre>
 */
public final class KeyedOperatorCost {
    private static final int KEYS = 10_000;
    private static final int MAX_PARALLELISM = 128;
    /** Events between two watermarks in keyed-process: about what one 200 ms watermark interval holds in workload 6. */
    private static final int EVENTS_PER_WATERMARK = 200_000;

    private KeyedOperatorCost() {
    }

    /** The per-key value of keyed-process, as workload 6's {@code KeyedSum}. */
    private static final class Sum {
        long sum;
        long count;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("keyed-process") || args[0].equals("timers"))) {
            System.err.println("usage: KeyedOperatorCost keyed-process|timers EVENTS ROUNDS");
            System.exit(2);
        }
        int events = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        HeapKeyedStateBackend backend = new HeapKeyedStateBackend(MAX_PARALLELISM, KeyGroupRange.of(0, MAX_PARALLELISM - 1),
                System::currentTimeMillis);
        HeapTimerServices timers = new HeapTimerServices(backend, new ManualProcessingTimeService());
        ValueState<Sum> pending = backend.getOrCreateState(new ValueStateDescriptor<>("pending", Sum.class));
        long[] checksum = new long[1];
        InternalTimerService<VoidNamespace> service = timers.getTimerService("user", new Triggerable<VoidNamespace>() {
            @Override
            public void onEventTime(InternalTimer<VoidNamespace> timer) throws Exception {
                Sum sum = pending.value();
                checksum[0] += sum == null ? timer.getTimestamp() : sum.count;
                pending.clear();
            }

            @Override
            public void onProcessingTime(InternalTimer<VoidNamespace> timer) {
            }
        });
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Long[] keys = new Long[KEYS];
        int[] keyGroups = new int[KEYS];
        for (int k = 0; k < KEYS; k++) {
            keys[k] = 1_000L + k * 7_919L;
            keyGroups[k] = KeyGroupRangeAssignment.assignToKeyGroup(keys[k], MAX_PARALLELISM);
        }
        long time = 0;
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            if (args[0].equals("timers")) {
                for (int i = 0; i < events; i++, time++) {
                    int k = (int) ((i * 0x9E3779B1L) % KEYS);
                    backend.setCurrentKey(keys[k], keyGroups[k]);
                    service.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
                    if (i % KEYS == KEYS - 1) {
                        timers.advanceWatermark(time);
                    }
                }
            } else {
                for (int i = 0; i < events; i++, time++) {
                    int k = (int) Long.remainderUnsigned(EventShape.splitmix64(time), KEYS);
                    // A new key object per event, as a key selector boxing a long field makes.
                    Long key = Long.valueOf(keys[k]);
                    backend.setCurrentKey(key, keyGroups[k]);
                    Sum sum = pending.value();
                    if (sum == null) {
                        sum = new Sum();
                        service.registerEventTimeTimer(VoidNamespace.INSTANCE, time / 2 + 1_000);
                    }
                    sum.sum += i & 0xff;
                    sum.count++;
                    pending.update(sum);
                    if (i % EVENTS_PER_WATERMARK == EVENTS_PER_WATERMARK - 1) {
                        timers.advanceWatermark(time / 2 - 100);
                    }
                }
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            System.out.printf("%s round %d: %.1f ns CPU/event%n", args[0], round, cpu / (double) events);
        }
        System.out.println("checksum " + checksum[0]);
    }
}
