package dev.weir.engine.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The non-keyed state of one operator subtask in a checkpoint: named lists, each with how it is redistributed when
 * the job restores at another parallelism. The runtime stores its own entries (a source's position, a sink's
 * committables) under names that start with an underscore.
 */
public final class OperatorStateSnapshot {
    /** How a named list is shared out on restore. */
    public enum Mode {
        /** All subtasks' elements are pooled and split evenly over the new subtasks. */
        EVEN_SPLIT,
        /** Every new subtask gets all subtasks' elements. */
        UNION,
        /** Every subtask holds the same elements; each new subtask gets one copy. */
        BROADCAST,
        /** Belongs to exactly this subtask index; restoring at another parallelism is refused. */
        SUBTASK
    }

    /** One named list. */
    public static final class Entry {
        public Mode mode;
        public ArrayList<Object> values;

        public Entry() {
        }

        public Entry(Mode mode, ArrayList<Object> values) {
            this.mode = mode;
            this.values = values;
        }
    }

    public LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    public void put(String name, Mode mode, List<?> values) {
        entries.put(name, new Entry(mode, new ArrayList<>(values)));
    }

    public Entry get(String name) {
        return entries.get(name);
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
