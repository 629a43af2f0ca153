package dev.weir.testing;

import dev.weir.util.OutputTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one replay collected so far, over every operator instance it used: the main output's elements (watermarks
 * left out: how many there are depends on the mode) and each side output's, in order.
 */
final class ReplayOutput {
    private static final Comparator<HarnessRecord> BY_TEXT = Comparator.comparing(HarnessRecord::toString);
    final List<HarnessRecord> main = new ArrayList<>();
    final Map<OutputTag<?>, List<HarnessRecord>> sides = new LinkedHashMap<>();

    /** Adds what {@code harness} emitted since it was last drained, and forgets it there. */
    void drain(OperatorHarness<?> harness) {
        for (HarnessRecord r : harness.output().main()) {
            if (!r.isWatermark()) {
                main.add(r);
            }
        }
        for (Map.Entry<OutputTag<?>, List<HarnessRecord>> side : harness.output().sides().entrySet()) {
            sides.computeIfAbsent(side.getKey(), t -> new ArrayList<>()).addAll(side.getValue());
        }
        harness.clearOutput();
    }

    /** This output with {@code elements} added to the main output; for comparing a main output alone. */
    ReplayOutput withMain(List<HarnessRecord> elements) {
        main.addAll(elements);
        return this;
    }

    ReplayOutput copy() {
        ReplayOutput copy = new ReplayOutput();
        copy.main.addAll(main);
        sides.forEach((tag, records) -> copy.sides.put(tag, new ArrayList<>(records)));
        return copy;
    }

    /**
     * The same records in the same order, on the main and on every side output, except that records with the same
     * timestamp next to each other may come in any order: Flink fires the timers and windows of different keys due at
     * one time in no specified order, and a restore may change it.
     */
    boolean sameAs(ReplayOutput other) {
        ReplayOutput mine = sortedWithinTimestamps();
        ReplayOutput theirs = other.sortedWithinTimestamps();
        return mine.main.equals(theirs.main) && withoutEmpty(mine.sides).equals(withoutEmpty(theirs.sides));
    }

    /** The same records on every output, in any order. */
    boolean sameInAnyOrderAs(ReplayOutput other) {
        ReplayOutput mine = copy();
        ReplayOutput theirs = other.copy();
        for (ReplayOutput o : List.of(mine, theirs)) {
            o.main.sort(BY_TEXT);
            o.sides.values().forEach(records -> records.sort(BY_TEXT));
        }
        return mine.main.equals(theirs.main) && withoutEmpty(mine.sides).equals(withoutEmpty(theirs.sides));
    }

    private ReplayOutput sortedWithinTimestamps() {
        ReplayOutput sorted = copy();
        sortRunsOfOneTimestamp(sorted.main);
        sorted.sides.values().forEach(ReplayOutput::sortRunsOfOneTimestamp);
        return sorted;
    }

    private static void sortRunsOfOneTimestamp(List<HarnessRecord> records) {
        int start = 0;
        for (int i = 1; i <= records.size(); i++) {
            if (i == records.size() || !sameTime(records.get(i), records.get(start))) {
                records.subList(start, i).sort(BY_TEXT);
                start = i;
            }
        }
    }

    private static boolean sameTime(HarnessRecord a, HarnessRecord b) {
        return a.hasTimestamp() == b.hasTimestamp() && (!a.hasTimestamp() || a.getTimestamp() == b.getTimestamp());
    }

    private static Map<OutputTag<?>, List<HarnessRecord>> withoutEmpty(Map<OutputTag<?>, List<HarnessRecord>> sides) {
        Map<OutputTag<?>, List<HarnessRecord>> nonEmpty = new LinkedHashMap<>();
        sides.forEach((tag, records) -> {
            if (!records.isEmpty()) {
                nonEmpty.put(tag, records);
            }
        });
        return nonEmpty;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(main.toString());
        sides.forEach((tag, records) -> {
            if (!records.isEmpty()) {
                sb.append(", side output '").append(tag.getId()).append("': ").append(records);
            }
        });
        return sb.toString();
    }
}
