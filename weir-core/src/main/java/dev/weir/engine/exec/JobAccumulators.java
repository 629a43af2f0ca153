package dev.weir.engine.exec;

import dev.weir.api.common.accumulators.Accumulator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accumulators of a job: each subtask registers its own, and the job's result merges them by name. Registration
 * is rare (in {@code open}), so a lock is fine here.
 */
public final class JobAccumulators {
    private final Map<String, List<Accumulator<?, ?>>> byName = new LinkedHashMap<>();
    private final Map<String, Accumulator<?, ?>> bySubtask = new HashMap<>();

    synchronized <V, A extends Serializable> void add(int subtask, String operator, String name, Accumulator<V, A> accumulator) {
        String key = operator + "/" + subtask + "/" + name;
        if (bySubtask.containsKey(key)) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' already exists in " + operator + " (" + (subtask + 1)
                    + "): register each accumulator once, in open()");
        }
        List<Accumulator<?, ?>> existing = byName.computeIfAbsent(name, n -> new ArrayList<>());
        if (!existing.isEmpty() && existing.get(0).getClass() != accumulator.getClass()) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' is a " + existing.get(0).getClass().getSimpleName()
                    + " elsewhere but a " + accumulator.getClass().getSimpleName() + " in " + operator + ": use one type per name");
        }
        existing.add(accumulator);
        bySubtask.put(key, accumulator);
    }

    /**
     * The accumulator of that name in the operator subtask, added by {@code create} when it has none: in one step, for
     * accumulators the runtime registers itself (operators with the same name may open on two threads at once).
     */
    @SuppressWarnings("unchecked")
    synchronized <V, A extends Serializable> Accumulator<V, A> getOrAdd(int subtask, String operator, String name,
                                                                       java.util.function.Supplier<? extends Accumulator<V, A>> create) {
        Accumulator<V, A> existing = get(subtask, operator, name);
        if (existing != null) {
            return existing;
        }
        Accumulator<V, A> created = create.get();
        add(subtask, operator, name, created);
        return created;
    }

    @SuppressWarnings("unchecked")
    synchronized <V, A extends Serializable> Accumulator<V, A> get(int subtask, String operator, String name) {
        return (Accumulator<V, A>) bySubtask.get(operator + "/" + subtask + "/" + name);
    }

    /** The merged value of every accumulator, by name; called after all tasks stopped. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    synchronized Map<String, Object> results() {
        Map<String, Object> results = new LinkedHashMap<>();
        for (Map.Entry<String, List<Accumulator<?, ?>>> e : byName.entrySet()) {
            Accumulator merged = e.getValue().get(0).clone();
            for (int i = 1; i < e.getValue().size(); i++) {
                merged.merge((Accumulator) e.getValue().get(i));
            }
            results.put(e.getKey(), merged.getLocalValue());
        }
        return results;
    }
}
