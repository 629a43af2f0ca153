package dev.weir.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random event streams for the differential cases: out of order within a bound, bursts of equal timestamps,
 * quiet gaps (so sessions close), late events behind the watermark, negative timestamps, and keys with one event.
 * Watermarks are part of the input ({@link Ev#watermarkAfter}), so both engines see them at exactly the same places.
 */
final class Inputs {
    private Inputs() {
    }

    /**
     * @param lateFraction share of events placed 1..lateReach ms behind the current watermark
     */
    static List<Ev> outOfOrder(long seed, int events, int keys, long bound, double lateFraction, long lateReach) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Ev> out = new ArrayList<>(events);
        long clock = -3_000 - random.nextInt(1_000);
        long maxTs = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < events; i++) {
            int step = random.nextInt(100);
            if (step < 5) {
                clock += 600 + random.nextInt(1_500);
            } else if (step >= 30) {
                clock += random.nextInt(120);
            }
            String key = random.nextInt(50) == 0 ? "solo" + i : "k" + skewed(random, keys);
            long ts;
            if (watermark != Long.MIN_VALUE && random.nextDouble() < lateFraction) {
                ts = watermark - random.nextLong(0, lateReach);
            } else {
                ts = clock - random.nextLong(0, bound + 1);
            }
            maxTs = Math.max(maxTs, ts);
            long next = maxTs - bound - 1;
            long after = Ev.NONE;
            if (next > watermark) {
                watermark = next;
                after = next;
            }
            out.add(new Ev(key, ts, 1 + random.nextInt(99), after));
        }
        return out;
    }

    /** Events that are never behind the watermark: inputs for joins, whose two sources interleave at random. */
    static List<Ev> inOrderWithinBound(long seed, int events, int keys, long bound) {
        return outOfOrder(seed, events, keys, bound, 0, 1);
    }

    /** Key a's sessions [0,100] and [1000,1100] close; then a late event at 550 bridges them (gap 500). */
    static List<Ev> sessionBridge() {
        return List.of(
                new Ev("a", 0, 1, Ev.NONE), new Ev("a", 100, 2, Ev.NONE), new Ev("a", 1_000, 3, Ev.NONE),
                new Ev("a", 1_100, 4, Ev.NONE), new Ev("b", 1_200, 5, 1_700),
                new Ev("a", 550, 6, Ev.NONE), new Ev("a", 1_500, 7, 2_500), new Ev("a", 560, 8, Ev.NONE),
                new Ev("b", 5_000, 9, 6_000), new Ev("a", 300, 10, Ev.NONE));
    }

    private static int skewed(SplittableRandom random, int keys) {
        int a = random.nextInt(keys);
        int b = random.nextInt(keys);
        return Math.min(a, b);
    }
}
