package dev.weir.engine.windowing;

import dev.weir.streaming.api.windowing.assigners.MergingWindowAssigner;
import dev.weir.streaming.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-flight windows of one key of a merging assigner, each mapped to its state window: the namespace under
 * which its contents live. When windows merge, the result keeps the state window of one of them, so only the others'
 * contents move. The map is the key's keyed-state value; callers store it back after a change.
 */
final class MergingWindowSet {
    /** Called for each merge that involves windows with state. */
    interface MergeFunction {
        void merge(Window mergeResult, Collection<Window> mergedWindows, Window stateWindowResult,
                   Collection<Window> mergedStateWindows) throws Exception;
    }

    private final MergingWindowAssigner<Object, Window> assigner;
    private final HashMap<Window, Window> mapping;

    MergingWindowSet(MergingWindowAssigner<Object, Window> assigner, HashMap<Window, Window> mapping) {
        this.assigner = assigner;
        this.mapping = mapping;
    }

    HashMap<Window, Window> mapping() {
        return mapping;
    }

    /** The state window of an in-flight window, or null when the window is not in flight. */
    Window getStateWindow(Window window) {
        return mapping.get(window);
    }

    void retireWindow(Window window) {
        if (mapping.remove(window) == null) {
            throw new IllegalStateException("Window " + window + " is not in in-flight window set.");
        }
    }

    /**
     * Adds {@code newWindow}, merging it with in-flight windows it overlaps, and returns the window it became part
     * of (itself when nothing merged).
     */
    Window addWindow(Window newWindow, MergeFunction mergeFunction) throws Exception {
        List<Window> windows = new ArrayList<>(mapping.keySet());
        windows.add(newWindow);
        Map<Window, Collection<Window>> mergeResults = new LinkedHashMap<>();
        assigner.mergeWindows(windows, (toBeMerged, mergeResult) -> mergeResults.put(mergeResult, new ArrayList<>(toBeMerged)));

        Window resultWindow = newWindow;
        boolean mergedNewWindow = false;
        for (Map.Entry<Window, Collection<Window>> c : mergeResults.entrySet()) {
            Window mergeResult = c.getKey();
            Collection<Window> mergedWindows = c.getValue();
            if (mergedWindows.remove(newWindow)) {
                mergedNewWindow = true;
                resultWindow = mergeResult;
            }
            // The merge result keeps the state window of one merged window; the others' state moves into it.
            Window mergedStateWindow = mapping.get(mergedWindows.iterator().next());
            List<Window> mergedStateWindows = new ArrayList<>();
            for (Window merged : mergedWindows) {
                Window stateWindow = mapping.remove(merged);
                if (stateWindow != null) {
                    mergedStateWindows.add(stateWindow);
                }
            }
            mapping.put(mergeResult, mergedStateWindow);
            mergedStateWindows.remove(mergedStateWindow);
            // A window merged only into itself (the new window fell inside it) has nothing to merge.
            if (!(mergedWindows.contains(mergeResult) && mergedWindows.size() == 1)) {
                mergeFunction.merge(mergeResult, mergedWindows, mapping.get(mergeResult), mergedStateWindows);
            }
        }
        if (mergeResults.isEmpty() || (resultWindow.equals(newWindow) && !mergedNewWindow)) {
            mapping.put(resultWindow, resultWindow);
        }
        return resultWindow;
    }

    @Override
    public String toString() {
        return "MergingWindowSet" + mapping;
    }
}
