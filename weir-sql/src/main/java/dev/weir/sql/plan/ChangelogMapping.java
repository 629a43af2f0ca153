package dev.weir.sql.plan;

import dev.weir.types.RowKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code op_mapping} argument of TO_CHANGELOG and FROM_CHANGELOG, as Flink 2.3 reads it. TO_CHANGELOG's keys are
 * change operations (several in one key, comma-separated) and its values the codes written; a change operation it does
 * not name is dropped. FROM_CHANGELOG's keys are codes (several in one key, comma-separated) and its values change
 * operations. Keys and values are trimmed. Without the argument each change operation is its own name's code. A
 * mapping Flink refuses is refused with Flink's message in {@link Refused}.
 */
final class ChangelogMapping {
    /** Flink's names of the change operations, in {@link RowKind}'s order. */
    static final List<String> OPERATIONS = List.of("INSERT", "UPDATE_BEFORE", "UPDATE_AFTER", "DELETE");
    private static final String VALID = "Valid values are: " + OPERATIONS + ".";

    private ChangelogMapping() {
    }

    /** A mapping Flink refuses: the message is Flink's (the caller adds the place and the fix). */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * TO_CHANGELOG's code for each {@link RowKind} (by ordinal; null drops the kind) from {@code mapping}'s entries in
     * the order written, or each kind's name when {@code mapping} is null.
     */
    static String[] codesByKind(List<Map.Entry<String, String>> mapping) {
        String[] codes = new String[OPERATIONS.size()];
        if (mapping == null) {
            return OPERATIONS.toArray(codes);
        }
        // MAP['INSERT', 'I', 'INSERT', 'J'] is a map whose second entry replaces the first, as in Flink.
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : mapping) {
            entries.put(entry.getKey(), entry.getValue());
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            for (String name : entry.getKey().split(",", -1)) {
                int kind = OPERATIONS.indexOf(name.trim());
                if (kind < 0) {
                    throw new Refused("Invalid target mapping for argument 'op_mapping'. Unknown change operation: '"
                            + name.trim() + "'. " + VALID);
                }
                if (codes[kind] != null) {
                    throw new Refused("Invalid target mapping for argument 'op_mapping'. Duplicate change operation: '"
                            + name.trim() + "'.");
                }
                codes[kind] = entry.getValue();
            }
        }
        return codes;
    }

    /**
     * FROM_CHANGELOG's change operation for each code, from {@code mapping}'s entries in the order written, or each
     * change operation's name when {@code mapping} is null. A HashMap, as Flink's: its order is the order Flink's
     * message lists the codes in.
     */
    static Map<String, RowKind> kindsByCode(List<Map.Entry<String, String>> mapping) {
        Map<String, RowKind> kinds = new HashMap<>();
        if (mapping == null) {
            for (RowKind kind : RowKind.values()) {
                kinds.put(kind.name(), kind);
            }
            return kinds;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : mapping) {
            entries.put(entry.getKey(), entry.getValue());
        }
        Set<String> operations = new HashSet<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String operation = entry.getValue().trim();
            int kind = OPERATIONS.indexOf(operation);
            if (kind < 0) {
                throw new Refused("Invalid target mapping for argument 'op_mapping'. Unknown change operation: '" + operation
                        + "'. " + VALID);
            }
            if (!operations.add(operation)) {
                throw new Refused("Invalid target mapping for argument 'op_mapping'. Duplicate change operation: '" + operation
                        + "'. Use comma-separated keys to map multiple codes to the same operation (e.g., MAP['c, r', 'INSERT']).");
            }
            for (String code : entry.getKey().split(",", -1)) {
                if (kinds.put(code.trim(), RowKind.values()[kind]) != null) {
                    throw new Refused("Invalid source mapping for argument 'op_mapping'. Duplicate op code: '" + code.trim()
                            + "'.");
                }
            }
        }
        if (!operations.contains("UPDATE_BEFORE")) {
            throw new Refused("The 'op_mapping' must include UPDATE_BEFORE for retract mode. Upsert mode (without "
                    + "UPDATE_BEFORE) is not supported in this version.");
        }
        return kinds;
    }
}
