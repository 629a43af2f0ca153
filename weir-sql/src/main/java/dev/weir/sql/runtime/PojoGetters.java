package dev.weir.sql.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** A POJO property's reader, as Flink finds one: a public getter ({@code getName}, {@code isFlag}), else a public field. */
final class PojoGetters {
    private PojoGetters() {
    }

    /** A handle of type {@code (Object)Object} reading property {@code name} of {@code type}, or null if it has none. */
    static MethodHandle find(Class<?> type, String name) {
        MethodHandle reader = reader(type, name);
        return reader == null ? null : reader.asType(MethodType.methodType(Object.class, Object.class));
    }

    /**
     * A handle of type {@code (Object)long} reading property {@code name} of {@code type} without boxing, or null unless
     * the property is a primitive {@code long}, {@code int}, {@code short} or {@code byte}.
     */
    static MethodHandle findLong(Class<?> type, String name) {
        MethodHandle reader = reader(type, name);
        Class<?> value = reader == null ? null : reader.type().returnType();
        return value == long.class || value == int.class || value == short.class || value == byte.class
                ? reader.asType(MethodType.methodType(long.class, Object.class)) : null;
    }

    /** The property's getter or field as a handle of its own types, or null. */
    private static MethodHandle reader(Class<?> type, String name) {
        if (!Modifier.isPublic(type.getModifiers()) || name.isEmpty()) {
            return null;
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (String getter : new String[] {"get" + capitalized, "is" + capitalized, name}) {
                try {
                    Method m = type.getMethod(getter);
                    if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class) {
                        return lookup.unreflect(m);
                    }
                } catch (NoSuchMethodException e) {
                    // try the next form
                }
            }
            Field f = type.getField(name);
            return Modifier.isStatic(f.getModifiers()) ? null : lookup.unreflectGetter(f);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }
}
