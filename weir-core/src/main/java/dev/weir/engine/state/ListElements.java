package dev.weir.engine.state;

import java.util.List;

/** The null checks of list state (every backend's), failing before anything is written so a rejected call changes nothing. */
public final class ListElements {
    private ListElements() {
    }

    public static void requireNonNullElement(Object value, String stateName, String method) {
        if (value == null) {
            throw new NullPointerException("ListState '" + stateName + "' cannot hold null: " + method
                    + " was given a null element; filter out nulls before adding them");
        }
    }

    public static void requireNoNullElements(List<?> values, String stateName, String method) {
        int i = 0;
        for (Object value : values) {
            if (value == null) {
                throw new NullPointerException("ListState '" + stateName + "' cannot hold null: " + method
                        + " was given a list with null at index " + i + "; filter out nulls before adding them");
            }
            i++;
        }
    }
}
