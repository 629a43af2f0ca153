package dev.weir.engine.operators;

/** Renders a record for an error message: its {@code toString()}, truncated, never failing itself. */
public final class RecordText {
    private static final int MAX_LENGTH = 200;

    private RecordText() {
    }

    public static String of(Object record) {
        if (record == null) {
            return "null";
        }
        String text;
        try {
            text = String.valueOf(record);
        } catch (RuntimeException e) {
            return record.getClass().getName() + " (toString() failed: " + e + ")";
        }
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "... (" + text.length() + " chars)";
    }
}
