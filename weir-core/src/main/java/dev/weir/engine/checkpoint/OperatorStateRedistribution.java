package dev.weir.engine.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares the operator state of all old subtasks out to one new subtask, by each list's mode: even split (contiguous
 * shares of the pooled elements, as in Flink; at an unchanged parallelism each subtask keeps its own list), union, broadcast (one copy), or per subtask (same parallelism only).
 */
public final class OperatorStateRedistribution {
    private OperatorStateRedistribution() {
    }

    /**
     * @param old      the operator's state of every old subtask, by old subtask index (entries may be null)
     * @param subtask  the new subtask
     * @param newParallelism the new parallelism
     */
    public static Map<String, OperatorStateSnapshot.Entry> shareFor(List<OperatorStateSnapshot> old, int subtask, int newParallelism,
                                                                   String operator) {
        Map<String, OperatorStateSnapshot.Mode> modes = new LinkedHashMap<>();
        for (OperatorStateSnapshot s : old) {
            if (s != null) {
                s.entries().forEach((name, e) -> modes.putIfAbsent(name, e.mode));
            }
        }
        Map<String, OperatorStateSnapshot.Entry> share = new LinkedHashMap<>();
        for (Map.Entry<String, OperatorStateSnapshot.Mode> m : modes.entrySet()) {
            String name = m.getKey();
            ArrayList<Object> values = new ArrayList<>();
            switch (m.getValue()) {
                case UNION -> old.forEach(s -> values.addAll(valuesOf(s, name)));
                case BROADCAST -> {
                    for (OperatorStateSnapshot s : old) {
                        if (s != null && s.get(name) != null) {
                            values.addAll(s.get(name).values);
                            break;
                        }
                    }
                }
                case EVEN_SPLIT -> {
                    if (old.size() == newParallelism) {
                        // As in Flink, an unchanged parallelism hands every subtask back its own list: a split of the
                        // pool would move elements across subtasks, e.g. one subtask's sink committables to another,
                        // which then races that subtask's own cleanup of its uncommitted files.
                        values.addAll(valuesOf(old.get(subtask), name));
                        break;
                    }
                    List<Object> pooled = new ArrayList<>();
                    old.forEach(s -> pooled.addAll(valuesOf(s, name)));
                    int from = (int) ((long) pooled.size() * subtask / newParallelism);
                    int to = (int) ((long) pooled.size() * (subtask + 1) / newParallelism);
                    values.addAll(pooled.subList(from, to));
                }
                case SUBTASK -> {
                    if (old.size() != newParallelism) {
                        throw new IllegalStateException(operator + " stored '" + name + "' per subtask at parallelism " + old.size()
                                + " and cannot restore it at parallelism " + newParallelism + ": restore it at parallelism " + old.size());
                    }
                    values.addAll(valuesOf(old.get(subtask), name));
                }
                default -> throw new IllegalStateException("unknown mode " + m.getValue());
            }
            share.put(name, new OperatorStateSnapshot.Entry(m.getValue(), values));
        }
        return share;
    }

    private static List<Object> valuesOf(OperatorStateSnapshot s, String name) {
        if (s == null || s.get(name) == null) {
            return List.of();
        }
        return s.get(name).values;
    }
}
