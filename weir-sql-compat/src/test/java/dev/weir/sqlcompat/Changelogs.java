package dev.weir.sqlcompat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a changelog of {@code Row.toString()} lines into the rows it leaves, for comparing updating results. */
final class Changelogs {
    private Changelogs() {
    }

    /** Each +I/+U adds its fields, each -U/-D removes them (a retraction of an absent row is kept, marked). */
    static List<String> materialize(List<String> changelog) {
        List<String> live = new ArrayList<>();
        for (String row : changelog) {
            boolean retraction = row.startsWith("-U[") || row.startsWith("-D[");
            if (!retraction) {
                live.add(row.startsWith("+") ? row.substring(2) : row);
            } else if (!live.remove(row.substring(2))) {
                live.add("RETRACTED BEFORE INSERTED: " + row);
            }
        }
        return live;
    }

    /**
     * The changelog split by key (its first {@code keyFields} fields; all rows under one key for 0), each key's rows in
     * the order they came: what a keyed operator's order fixes when keys interleave differently.
     */
    static Map<String, List<String>> perKey(List<String> changelog, int keyFields) {
        Map<String, List<String>> byKey = new java.util.TreeMap<>();
        for (String row : changelog) {
            String fields = row.substring(row.indexOf('[') + 1, row.length() - 1);
            String key = String.join(", ", List.of(fields.split(", ", -1)).subList(0, keyFields));
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return byKey;
    }

    /**
     * The rows an upsert stream leaves: the last +I/+U of each key (its first {@code keyFields} fields), a -D removing
     * it; -U rows are ignored, so a retract stream of the same result leaves the same rows.
     */
    static List<String> upsert(List<String> changelog, int keyFields) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String row : changelog) {
            String fields = row.substring(row.indexOf('[') + 1, row.length() - 1);
            String key = String.join(", ", List.of(fields.split(", ", -1)).subList(0, keyFields));
            if (row.startsWith("-D[")) {
                byKey.remove(key);
            } else if (!row.startsWith("-U[")) {
                byKey.put(key, "[" + fields + "]");
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
