package dev.weir.engine.windowing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance fields of a class whose fields are all primitive and writable, copied to and from one {@code long}
 * each of a {@code long[]}: lets a slice table keep such accumulators in its own arrays instead of one object per key
 * and slice (issue 22). Each class gets a generated subclass ({@link PrimitiveFieldsBytecode}) whose field handles are
 * constants, so a copy compiles to plain field reads and writes.
 */
abstract class PrimitiveFields {
    private static final ClassValue<PrimitiveFields> BY_CLASS = new ClassValue<>() {
        @Override
        protected PrimitiveFields computeValue(Class<?> type) {
            return generate(type);
        }
    };

    /** How many {@code long}s one instance takes. */
    final int width;
    /** The class whose instances this copies; an instance of a subclass is not one of them. */
    final Class<?> type;

    PrimitiveFields(int width, Class<?> type) {
        this.width = width;
        this.type = type;
    }

    /** Writes {@code data[base ..]} into {@code target}'s fields. */
    abstract void load(Object target, long[] data, int base);

    /** Reads {@code source}'s fields into {@code data[base ..]}. */
    abstract void store(Object source, long[] data, int base);

    /**
     * The fields of {@code type}, or null when it does not qualify: it must be a concrete class (no interface, array,
     * enum or record) whose instance fields, its superclasses' included, are at least one and all primitive and
     * non-final, and the JVM must let this module access them.
     */
    static PrimitiveFields of(Class<?> type) {
        return BY_CLASS.get(type);
    }

    private static PrimitiveFields generate(Class<?> type) {
        if (type.isInterface() || type.isArray() || type.isPrimitive() || type.isEnum() || type.isRecord()
                || type.isHidden() || Modifier.isAbstract(type.getModifiers()) || type == Object.class) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers)) {
                    continue;
                }
                if (!field.getType().isPrimitive() || Modifier.isFinal(modifiers)) {
                    return null;
                }
                fields.add(field);
            }
        }
        if (fields.isEmpty()) {
            return null;
        }
        try {
            List<VarHandle> handles = new ArrayList<>();
            for (Field field : fields) {
                MethodHandles.Lookup access = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
                handles.add(access.unreflectVarHandle(field));
            }
            return PrimitiveFieldsBytecode.define(type, fields, handles);
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            // A module that does not open the class's package, or a JVM that refuses hidden classes: the table keeps
            // such accumulators as objects, as for any other type.
            return null;
        }
    }
}
