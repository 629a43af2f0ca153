package dev.weir.engine.windowing;

/**
 * Combines the slices of one window of several slices, key by key, into the window's inputs: walks each slice's
 * table in time order and folds its partials into one table of combinations. One per operator, reused for every
 * firing; the slices themselves are never changed (later windows share them).
 */
final class WindowAssembly {
    private final SliceTable combined;
    private final SliceFunction function;

    WindowAssembly(SliceFunction function) {
        this.function = function;
        this.combined = new SliceTable(function.flatWidth(), true);
    }

    /** Adds one slice's partials to the combinations. */
    void add(SliceTable slice) throws Exception {
        for (int i = 0, n = slice.capacity(); i < n; i++) {
            if (slice.occupied(i)) {
                int slot = combined.slotOf(slice, i);
                int count = combined.count(slot);
                if (count == 0) {
                    function.copyInto(combined, slot, slice, i);
                } else {
                    function.combineInto(combined, slot, count > 1, slice, i);
                }
                combined.setCount(slot, count + 1);
            }
        }
    }

    /** The combinations; a slot holds one when its key is not null. */
    SliceTable combinations() {
        return combined;
    }

    void clear() {
        combined.clear();
    }
}
