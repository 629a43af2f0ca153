package dev.weir.engine.state;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds the {@link KeyedStateBackendFactory} a job's configuration names with {@code state.backend.type} (default
 * {@code hashmap}, as in Flink) among those registered for {@link ServiceLoader}, and validates its settings.
 */
public final class StateBackendLoader {
    /** Flink's configuration key of the state backend. */
    public static final String TYPE = "state.backend.type";
    /** The prefix of every state backend option; the chosen backend validates the keys under it. */
    public static final String PREFIX = "state.backend.";
    public static final String DEFAULT_TYPE = "hashmap";

    private StateBackendLoader() {
    }

    /**
     * The factory for the configured type, its settings checked.
     *
     * @throws IllegalArgumentException if no registered backend has that type, naming the ones there are and the
     *                                  module to add, or if the backend refuses a setting
     */
    public static KeyedStateBackendFactory load(Map<String, String> settings) {
        String type = settings.getOrDefault(TYPE, DEFAULT_TYPE).trim().toLowerCase(java.util.Locale.ROOT);
        if (type.equals(DEFAULT_TYPE)) {
            // The built-in heap backend needs no lookup, and a ServiceLoader scan opens every jar of the class path
            // (their central directories stay on the heap: about 5 MB for weir-bench's 90 jars).
            KeyedStateBackendFactory heap = new HeapStateBackendFactory();
            heap.validate(settings);
            return heap;
        }
        Map<String, KeyedStateBackendFactory> found = new TreeMap<>();
        for (KeyedStateBackendFactory f : ServiceLoader.load(KeyedStateBackendFactory.class, StateBackendLoader.class.getClassLoader())) {
            found.putIfAbsent(f.type(), f);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != StateBackendLoader.class.getClassLoader()) {
            for (KeyedStateBackendFactory f : ServiceLoader.load(KeyedStateBackendFactory.class, context)) {
                found.putIfAbsent(f.type(), f);
            }
        }
        KeyedStateBackendFactory factory = found.get(type);
        if (factory == null) {
            String hint = type.equals("rocksdb")
                    ? "add the dependency dev.weir:weir-rocksdb to the job's class path"
                    : "use one of " + found.keySet();
            throw new IllegalArgumentException(TYPE + " is '" + settings.get(TYPE) + "', but no state backend of that type is on "
                    + "the class path (found: " + found.keySet() + "): " + hint);
        }
        factory.validate(settings);
        return factory;
    }
}
