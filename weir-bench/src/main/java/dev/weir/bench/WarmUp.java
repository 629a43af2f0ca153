package dev.weir.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warm-up before a workload's measured rounds: every engine keeps running warm-up rounds until it has run at least
 * {@code minRounds} of them and spent at least {@code minNanos} in them (the caller's measure of a round: SideBySide
 * counts the worker's CPU time, which load stretches far less than wall time), each engine counted on its own, so an engine
 * whose rounds are short runs more of them. A fixed round count is not enough: one round of workload 1 at
 * {@code --scale 0.2} takes about 0.1 s, while C2 goes on compiling the hot methods for seconds, so the first
 * measured rounds still carried the compilation (and its deoptimizations) in their figures.
 *
 * <p>Rounds alternate engines as the measured rounds do: pass after pass over the engines that still need warming,
 * the order rotated by one each pass; an engine that has had enough is skipped while the others catch up.
 */
final class WarmUp {
    /** Runs one warm-up round of the workload on {@code engine} and returns the nanos it counts towards the warm-up. */
    @FunctionalInterface
    interface Round {
        long run(String engine, int warmUpRound) throws IOException;
    }

    private final int minRounds;
    private final long minNanos;

    WarmUp(int minRounds, long minNanos) {
        if (minRounds < 0 || minNanos < 0) {
            throw new IllegalArgumentException("A warm-up cannot be negative: " + minRounds + " rounds, " + minNanos
                    + " ns");
        }
        this.minRounds = minRounds;
        this.minNanos = minNanos;
    }

    /** Runs the warm-up on {@code engines} and returns, engine by engine, the rounds it ran and the nanos they took. */
    Map<String, long[]> run(List<String> engines, Round round) throws IOException {
        Map<String, long[]> spent = new LinkedHashMap<>();
        engines.forEach(engine -> spent.put(engine, new long[2]));
        for (int pass = 0; !allWarm(spent); pass++) {
            for (int i = 0; i < engines.size(); i++) {
                String engine = engines.get(Math.floorMod(i + pass, engines.size()));
                long[] roundsAndNanos = spent.get(engine);
                if (!warm(roundsAndNanos)) {
                    long nanos = round.run(engine, (int) roundsAndNanos[0]);
                    if (nanos <= 0 && minNanos > 0) {
                        // A JVM that reports no CPU time would otherwise warm up forever.
                        throw new IllegalStateException(engine + "'s warm-up round counted " + nanos + " ns; it cannot"
                                + " warm up by time: pass --warmup-seconds 0 and a --warmup round count");
                    }
                    roundsAndNanos[1] += nanos;
                    roundsAndNanos[0]++;
                }
            }
        }
        return spent;
    }

    /** One line for the log: each engine's warm-up rounds and the seconds they took. */
    static String summary(Workload workload, Map<String, long[]> spent) {
        StringBuilder line = new StringBuilder(workload + " warm-up:");
        String separator = " ";
        for (Map.Entry<String, long[]> engine : spent.entrySet()) {
            line.append(separator).append(String.format(Locale.ROOT, "%s %d rounds in %.1f s", engine.getKey(),
                    engine.getValue()[0], engine.getValue()[1] / 1e9));
            separator = ", ";
        }
        return line.toString();
    }

    private boolean allWarm(Map<String, long[]> spent) {
        for (long[] roundsAndNanos : spent.values()) {
            if (!warm(roundsAndNanos)) {
                return false;
            }
        }
        return true;
    }

    private boolean warm(long[] roundsAndNanos) {
        return roundsAndNanos[0] >= minRounds && roundsAndNanos[1] >= minNanos;
    }
}
