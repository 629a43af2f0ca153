package dev.weir.bench;

import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.state.HeapKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * What a per-event key object costs the keyed state path under each collector, on one thread: {@code value()} and
 * {@code update()} of the held object for a few hundred keys whose state is tenured, the key set per event as
 * {@code fresh} (a new {@code Long}, as a key selector boxing a field makes) or {@code tenured} (the same old objects,
 * nothing allocated); {@code old-sink} / {@code young-sink} keep the tenured keys and add one fresh {@code Long} per event
 * stored into an old or a young object, which tells the store's write barrier from the allocation (docs/benchmarks.md, "Branch w2"):
 *
 * <pre>
 * java -XX:+UseG1GC|-XX:+UseParallelGC -Xms1g -Xmx1g -cp "weir-bench/target/flink-1.20.5/classes:$(cat \
 *     weir-bench/target/flink-1.20.5/classpath.txt)" dev.weir.bench.KeyAllocationCost fresh 500 5000000 12
 * </pre>
 * Prints the median thread CPU time per event of the rounds after the first two.
 */
public final class KeyAllocationCost {
    private static final int MAX_PARALLELISM = 128;

    private KeyAllocationCost() {
    }

    private static final class Sum {
        long sum;
        long count;
    }

    /** One reference field, to store a fresh object into an old or a young holder. */
    private static final class Holder {
        Object ref;
    }

    private static final Holder OLD_HOLDER = new Holder();
    /** Keeps the current young holder reachable, so neither it nor what it holds can be scalar-replaced. */
    private static final Holder[] YOUNG_HOLDER = new Holder[1];

    public static void main(String[] args) {
        if (args.length != 4 || !Arrays.asList("fresh", "tenured", "old-sink", "young-sink").contains(args[0])) {
            System.err.println("usage: KeyAllocationCost fresh|tenured|old-sink|young-sink KEYS EVENTS ROUNDS");
            System.exit(2);
        }
        String mode = args[0];
        int keyCount = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        HeapKeyedStateBackend backend = new HeapKeyedStateBackend(MAX_PARALLELISM,
                KeyGroupRange.of(0, MAX_PARALLELISM - 1), System::currentTimeMillis);
        ValueState<Sum> state = backend.getOrCreateState(new ValueStateDescriptor<>("sum", Sum.class));
        long[] keys = new long[keyCount];
        Long[] boxed = new Long[keyCount];
        int[] groups = new int[keyCount];
        for (int k = 0; k < keyCount; k++) {
            keys[k] = 1_000L + k * 7_919L;
            boxed[k] = keys[k];
            groups[k] = KeyGroupRangeAssignment.assignToKeyGroup(keys[k], MAX_PARALLELISM);
            backend.setCurrentKey(boxed[k], groups[k]);
            try {
                state.update(new Sum());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        // Tenure the backend, its maps, the values and the boxed keys.
        System.gc();
        System.gc();
        boolean fresh = mode.equals("fresh");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Holder young = new Holder();
        long seed = 1;
        double[] perEvent = new double[rounds];
        try {
            for (int round = 0; round < rounds; round++) {
                long cpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < events; i++) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    int k = (int) ((seed >>> 33) % keyCount);
                    backend.setCurrentKey(fresh ? Long.valueOf(keys[k]) : boxed[k], groups[k]);
                    Sum sum = state.value();
                    sum.count++;
                    sum.sum += i;
                    state.update(sum);
                    if (mode.equals("old-sink")) {
                        OLD_HOLDER.ref = Long.valueOf(keys[k] + 1);
                    } else if (mode.equals("young-sink")) {
                        if ((i & 1023) == 0) {
                            young = new Holder();
                            YOUNG_HOLDER[0] = young;
                        }
                        young.ref = Long.valueOf(keys[k] + 1);
                    }
                }
                perEvent[round] = (threads.getCurrentThreadCpuTime() - cpu) / (double) events;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Arrays.sort(perEvent, Math.min(2, rounds - 1), rounds);
        int from = Math.min(2, rounds - 1);
        System.out.printf("%s: median %.1f ns CPU/event (rounds %d..%d: %.1f to %.1f)%n", mode,
                perEvent[from + (rounds - from) / 2], from, rounds - 1, perEvent[from], perEvent[rounds - 1]);
    }
}
