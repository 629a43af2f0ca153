package dev.weir.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Workload 1's work without any engine: the shared generator, the map and the filter of {@code WeirJobs.stateless}
 * written as one plain loop on one thread. What an engine spends per record above the last line is its own cost; the
 * lines before it show what the job itself costs on this CPU. Prints the thread's CPU time per event of each round:
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp "weir-bench/target/flink-1.20.5/classes" dev.weir.bench.StatelessLoopCost 10000000 8
 * </pre>
 *
 * <ul>
 *   <li>{@code generator}: the events only (the JIT removes the {@link Event} and the index's {@code Long}: they do not
 *       escape);</li>
 *   <li>{@code map, branch-free filter}: the map, and the filter's test folded into arithmetic (a conditional move);</li>
 *   <li>{@code map, filter}: the filter as a branch, as every engine runs it (a third of the events drop, unpredictably);</li>
 *   <li>{@code map, filter, records allocated}: the same with the event and its index's {@code Long} forced to memory:
 *       what a chain costs when escape analysis cannot remove them (Weir's workload 1 allocates neither once compiled).</li>
 * </ul>
 */
public final class StatelessLoopCost {
    /** Where a round's result goes, so the JIT cannot drop the loop. */
    private static volatile long sink;
    /** Where a kept record's timestamp goes: a store under the filter's test keeps it a branch, as in an engine. */
    private static long lastTimestamp;
    /** Where the last kept record goes, so the records escape (plain fields: one write per kept event). */
    private static Object lastEvent;
    private static Object lastIndex;

    private StatelessLoopCost() {
    }

    /** The bench's {@code GeneratorFunction<Long, Event>} shape: the index arrives boxed. */
    private interface Generator {
        Event map(Long index);
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: StatelessLoopCost EVENTS ROUNDS");
            System.exit(2);
        }
        long events = Long.parseLong(args[0]);
        int rounds = Integer.parseInt(args[1]);
        EventShape shape = new EventShape(2 * events, 10_000, 2);
        Generator generator = new Generator() {
            @Override
            public Event map(Long index) {
                return shape.event(index);
            }
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long t0 = threads.getCurrentThreadCpuTime();
            sink = generatorOnly(generator, events);
            long t1 = threads.getCurrentThreadCpuTime();
            sink = branchFreeFilter(generator, events);
            long t2 = threads.getCurrentThreadCpuTime();
            sink = filter(generator, events);
            long t3 = threads.getCurrentThreadCpuTime();
            sink = filterAllocating(generator, events);
            long t4 = threads.getCurrentThreadCpuTime();
            System.out.printf("round %d: generator %.1f, map, branch-free filter %.1f, map, filter %.1f, "
                    + "map, filter, records allocated %.1f ns CPU per event%n", round, (t1 - t0) / (double) events,
                    (t2 - t1) / (double) events, (t3 - t2) / (double) events, (t4 - t3) / (double) events);
        }
    }

    private static long generatorOnly(Generator generator, long events) {
        long acc = 0;
        for (long j = 0; j < events; j++) {
            Event e = generator.map(j);
            acc += e.key + e.timestamp + e.value;
        }
        return acc;
    }

    private static long branchFreeFilter(Generator generator, long events) {
        long acc = 0;
        for (long j = 0; j < events; j++) {
            Event e = generator.map(j);
            e.value = scramble(e);
            acc += e.value % 3 != 0 ? e.timestamp : 0;
        }
        return acc;
    }

    private static long filter(Generator generator, long events) {
        long acc = 0;
        for (long j = 0; j < events; j++) {
            Event e = generator.map(j);
            e.value = scramble(e);
            if (e.value % 3 != 0) {
                lastTimestamp = e.timestamp;
                acc++;
            }
        }
        return acc;
    }

    private static long filterAllocating(Generator generator, long events) {
        long acc = 0;
        for (long j = 0; j < events; j++) {
            Long index = j;
            Event e = generator.map(index);
            e.value = scramble(e);
            if (e.value % 3 != 0) {
                acc += e.timestamp;
                lastEvent = e;
                lastIndex = index;
            }
        }
        return acc;
    }

    /** {@code WeirJobs.Scramble}'s map. */
    private static int scramble(Event e) {
        return (e.value * 31 + (int) e.key) & 0xffff;
    }
}
