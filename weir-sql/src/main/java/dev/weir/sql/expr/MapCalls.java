package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flink's MAP functions over Weir SQL's maps ({@code java.util.Map}s of internal values, in the order Flink's map data
 * keeps them): the value constructor {@code MAP[k1, v1, ..]} (a repeated key keeps its last value), {@code m[k]}
 * (NULL for an absent key), MAP_KEYS, MAP_VALUES, MAP_ENTRIES (an array of ROW(key, value)), MAP_FROM_ARRAYS,
 * MAP_UNION (a later map's value wins) and STR_TO_MAP(text [, listDelimiter [, keyValueDelimiter]]) (both delimiters
 * regular expressions, ',' and '=' by default; a pair without the delimiter maps its text to NULL). A NULL map gives
 * NULL. Literal delimiters are compiled once.
 */
final class MapCalls extends Expr {
    private static final long serialVersionUID = 1L;
    private static final Pattern COMMA = Pattern.compile(",");
    private static final Pattern EQUALS = Pattern.compile("=");

    enum Fn { VALUE, ITEM, MAP_KEYS, MAP_VALUES, MAP_ENTRIES, MAP_FROM_ARRAYS, MAP_UNION, STR_TO_MAP }

    private final Fn fn;
    private final Expr[] args;
    private final Pattern listDelimiter; // STR_TO_MAP's, when a literal (or the default)
    private final Pattern keyValueDelimiter;

    private MapCalls(Fn fn, Expr[] args, Pattern listDelimiter, Pattern keyValueDelimiter) {
        this.fn = fn;
        this.args = args;
        this.listDelimiter = listDelimiter;
        this.keyValueDelimiter = keyValueDelimiter;
    }

    MapCalls(Fn fn, Expr[] args) {
        this(fn, args, null, null);
    }

    /**
     * The call of the map function {@code name}, or null when it is none of them; {@code literals}: the arguments'
     * values where they are literals (for STR_TO_MAP's delimiters).
     */
    static Expr of(String name, Expr[] args, Object[] literals) {
        if (name.equals("STR_TO_MAP")) {
            Pattern list = args.length < 2 ? COMMA : literals[1] instanceof String ? Pattern.compile((String) literals[1]) : null;
            Pattern pair = args.length < 3 ? EQUALS : literals[2] instanceof String ? Pattern.compile((String) literals[2]) : null;
            return new MapCalls(Fn.STR_TO_MAP, args, list, pair);
        }
        if (!name.startsWith("MAP_")) {
            return null;
        }
        try {
            return new MapCalls(Fn.valueOf(name), args);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Object eval(Row row) {
        if (fn == Fn.VALUE) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                Object key = args[i].eval(row);
                map.remove(key); // a repeated key takes the place of its last occurrence
                map.put(key, args[i + 1].eval(row));
            }
            return map;
        }
        Object a = args[0].eval(row);
        if (a == null) {
            return null;
        }
        switch (fn) {
            case STR_TO_MAP:
                return strToMap(a.toString(), row);
            case MAP_FROM_ARRAYS: {
                Object b = args[1].eval(row);
                if (b == null) {
                    return null;
                }
                Object[] keys = (Object[]) a;
                Object[] values = (Object[]) b;
                if (keys.length != values.length) {
                    throw new IllegalArgumentException("MAP_FROM_ARRAYS needs as many keys as values, not " + keys.length
                            + " keys and " + values.length + " values");
                }
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < keys.length; i++) {
                    map.put(keys[i], values[i]);
                }
                return map;
            }
            case MAP_UNION: {
                Map<Object, Object> map = new LinkedHashMap<>((Map<?, ?>) a);
                for (int i = 1; i < args.length; i++) {
                    Object next = args[i].eval(row);
                    if (next == null) {
                        return null;
                    }
                    map.putAll((Map<?, ?>) next);
                }
                return map;
            }
            default:
                break;
        }
        Map<?, ?> map = (Map<?, ?>) a;
        switch (fn) {
            case ITEM: {
                Object key = args[1].eval(row);
                return key == null ? null : map.get(key);
            }
            case MAP_KEYS:
                return map.keySet().toArray();
            case MAP_VALUES:
                return map.values().toArray();
            default: {
                Object[] entries = new Object[map.size()];
                int i = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    entries[i++] = Row.of(e.getKey(), e.getValue());
                }
                return entries;
            }
        }
    }

    private Object strToMap(String text, Row row) {
        Pattern list = listDelimiter;
        Pattern pair = keyValueDelimiter;
        if (list == null || pair == null) {
            Object l = args[1].eval(row);
            Object p = args.length > 2 ? args[2].eval(row) : "=";
            if (l == null || p == null) {
                return null;
            }
            list = list != null ? list : Pattern.compile(l.toString());
            pair = pair != null ? pair : Pattern.compile(p.toString());
        }
        if (text.isEmpty()) {
            return new HashMap<>();
        }
        String[] pairs = list.split(text);
        Map<Object, Object> map = new HashMap<>(pairs.length);
        for (String kv : pairs) {
            String[] parts = pair.split(kv, 2);
            map.put(parts.length < 2 ? kv : parts[0], parts.length < 2 ? null : parts[1]);
        }
        return map;
    }
}
