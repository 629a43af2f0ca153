package dev.weir.engine.operators;

import java.io.Externalizable;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;

/**
 * Tells whether the instances of a class hold nothing that could ever change: every instance field, up the class
 * hierarchy, is {@code final}, not {@code transient}, and of a primitive or an immutable JDK value type, and
 * serialization has no hook that could make a copy differ from its original. A function of such a class (one with no
 * fields, one holding only final numbers and strings) can be shared by all subtasks of an operator: a serialized copy
 * would be equal in every way but identity, and making one loads Java serialization, whose set-up alone costs
 * start-up time and, through the JDK's logger lookup, opens every jar of the class path.
 */
final class ValueOnlyClasses {
    private static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, Long.class, Integer.class, Short.class,
            Byte.class, Character.class, Boolean.class, Double.class, Float.class, Class.class);
    private static final Set<String> SERIALIZATION_HOOKS = Set.of("readObject", "readObjectNoData", "readResolve",
            "writeObject", "writeReplace");
    private static final ClassValue<Boolean> VALUE_ONLY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return holdsValuesOnly(type);
        }
    };

    private ValueOnlyClasses() {
    }

    /** Whether no instance of {@code type} can change after construction, nor be copied into something else. */
    static boolean isValueOnly(Class<?> type) {
        return VALUE_ONLY.get(type);
    }

    private static boolean holdsValuesOnly(Class<?> type) {
        try {
            return holdsValuesOnlyReflectively(type);
        } catch (LinkageError | SecurityException e) {
            // A class whose members cannot be listed is copied, the way it always was.
            return false;
        }
    }

    private static boolean holdsValuesOnlyReflectively(Class<?> type) {
        if (!Serializable.class.isAssignableFrom(type) || Externalizable.class.isAssignableFrom(type)) {
            return false;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                // A transient field reads back as its default, so a copy would differ from the original.
                if (!Modifier.isStatic(modifiers) && (Modifier.isTransient(modifiers) || !Modifier.isFinal(modifiers)
                        || !isValueType(field.getType()))) {
                    return false;
                }
            }
            // A lambda's writeReplace is the JDK's, and a fieldless lambda reads back as an equal one.
            if (!c.isHidden()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (!Modifier.isStatic(method.getModifiers()) && SERIALIZATION_HOOKS.contains(method.getName())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean isValueType(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || VALUE_TYPES.contains(type);
    }
}
