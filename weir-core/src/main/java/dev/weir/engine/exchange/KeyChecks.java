package dev.weir.engine.exchange;

import dev.weir.api.java.functions.KeySelector;

/**
 * Extracts keys and refuses those that cannot partition records or address keyed state: null keys, and keys whose
 * {@code hashCode} is identity-based (arrays, classes that inherit {@link Object#hashCode()}), because equal keys
 * would then reach different subtasks and state would not survive a restore.
 *
 * <p>An instance serves one call site on one thread and remembers the last key class it accepted, so a stream of
 * keys of one class costs one class comparison per record. The static methods serve colder paths.
 */
public final class KeyChecks {

    private static final int MAX_RECORD_CHARS = 200;

    /** Per key class: the empty string when the class is a usable key, else why it is not. */
    private static final ClassValue<String> PROBLEMS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return problemOf(type);
        }
    };

    private final String where;
    private Class<?> lastAcceptedClass;

    /**
     * @param where the operator extracting keys, as named in error messages, e.g. {@code "keyBy after 'parse' (2/4)"}
     */
    public KeyChecks(String where) {
        this.where = where;
    }

    /**
     * Applies {@code keySelector} to {@code record} and checks the key.
     *
     * @throws IllegalKeyException if the selector throws, returns null or returns an identity-hashed key
     */
    public Object keyOf(KeySelector<Object, Object> keySelector, Object record) {
        final Object key;
        try {
            key = keySelector.getKey(record);
        } catch (Exception e) {
            throw selectorFailed(e, record, where);
        }
        return check(key, record);
    }

    /**
     * Returns {@code key} if it can serve as a key.
     *
     * @param record the record the key was extracted from, for the error message
     * @throws IllegalKeyException if {@code key} is null or hashes by identity
     */
    public Object check(Object key, Object record) {
        if (key != null && key.getClass() == lastAcceptedClass) {
            return key;
        }
        checkKey(key, record, where);
        lastAcceptedClass = key.getClass();
        return key;
    }

    /**
     * Returns {@code key} if it can serve as a key; the check of a class is computed once per class.
     *
     * @param record the record the key was extracted from, for the error message
     * @param where  the operator extracting keys, as named in error messages
     * @throws IllegalKeyException if {@code key} is null or hashes by identity
     */
    public static Object checkKey(Object key, Object record, String where) {
        if (key == null) {
            throw new IllegalKeyException("Invalid key in " + where + ": the KeySelector returned null for record "
                    + describe(record) + ". Keys must not be null: map a missing key to a placeholder such as \"\""
                    + " or -1, or filter such records out before keyBy.");
        }
        final String problem = PROBLEMS.get(key.getClass());
        if (!problem.isEmpty()) {
            throw new IllegalKeyException("Invalid key in " + where + ": the KeySelector returned a key of class "
                    + key.getClass().getTypeName() + " for record " + describe(record) + ", but " + problem);
        }
        return key;
    }

    /**
     * The exception for a key selector that threw {@code cause} on {@code record}; for operators that call the
     * selector themselves.
     */
    public static IllegalKeyException selectorFailed(Exception cause, Object record, String where) {
        return new IllegalKeyException("Invalid key in " + where + ": the KeySelector threw " + cause
                + " for record " + describe(record) + ". Fix the KeySelector, or send the records it cannot handle"
                + " to a side output with a ProcessFunction before keyBy.", cause);
    }

    private static String problemOf(Class<?> type) {
        if (type.isArray()) {
            return "arrays hash by identity, so equal arrays would reach different subtasks and different state."
                    + " Use a String, a boxed primitive, a record or a Tuple as the key; for an array use"
                    + " Arrays.asList(...) on an object array or turn it into a String.";
        }
        if (declaresOnObject(type, "hashCode")) {
            return type.getTypeName() + " does not override hashCode(), so equal keys would reach different"
                    + " subtasks and different state. Use a String, a boxed primitive, a record or a Tuple as the"
                    + " key, or override equals(Object) and hashCode() in " + type.getSimpleName() + ".";
        }
        if (declaresOnObject(type, "equals", Object.class)) {
            return type.getTypeName() + " overrides hashCode() but not equals(Object), so equal keys would not be"
                    + " grouped together. Override equals(Object) in " + type.getSimpleName()
                    + " consistently with hashCode(), or use a String, a boxed primitive, a record or a Tuple.";
        }
        return "";
    }

    private static boolean declaresOnObject(Class<?> type, String method, Class<?>... parameters) {
        try {
            return type.getMethod(method, parameters).getDeclaringClass() == Object.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("every class has Object's public method " + method, e);
        }
    }

    private static String describe(Object record) {
        if (record == null) {
            return "null";
        }
        String text;
        try {
            text = String.valueOf(record);
        } catch (RuntimeException e) {
            text = "<toString() threw " + e.getClass().getName() + ">";
        }
        if (text.length() > MAX_RECORD_CHARS) {
            text = text.substring(0, MAX_RECORD_CHARS) + "...";
        }
        return "'" + text + "' (" + record.getClass().getTypeName() + ")";
    }
}
