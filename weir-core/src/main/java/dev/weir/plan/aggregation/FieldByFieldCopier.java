package dev.weir.plan.aggregation;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an object by calling its no-argument constructor and copying every instance field, each through one
 * method handle that moves the value without boxing.
 */
final class FieldByFieldCopier implements RecordCopier {
    private static final MethodType CONSTRUCTOR = MethodType.methodType(Object.class);
    private static final MethodType FIELD_COPY = MethodType.methodType(void.class, Object.class, Object.class);

    private final Class<?> type;
    private final MethodHandle constructor;
    private final MethodHandle[] fieldCopies;

    private FieldByFieldCopier(Class<?> type, MethodHandle constructor, MethodHandle[] fieldCopies) {
        this.type = type;
        this.constructor = constructor;
        this.fieldCopies = fieldCopies;
    }

    /** @throws IllegalArgumentException when the type has no no-argument constructor or a final field */
    static FieldByFieldCopier forClass(Class<?> type) {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            Constructor<?> noArgs = type.getDeclaredConstructor();
            noArgs.setAccessible(true);
            MethodHandle constructor = lookup.unreflectConstructor(noArgs).asType(CONSTRUCTOR);
            List<MethodHandle> copies = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        copies.add(fieldCopy(lookup, type, field));
                    }
                }
            }
            return new FieldByFieldCopier(type, constructor, copies.toArray(new MethodHandle[0]));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Weir copies the accumulated record before writing the result into it, "
                + "and " + type.getName() + " has no no-argument constructor: add one, or use reduce(...)", e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("Weir cannot copy records of " + type.getName() + " (" + e
                + "): make the class public, or open its package to Weir's module", e);
        }
    }

    // (Object target, Object source) -> target.field = source.field, typed natively so primitives stay unboxed.
    private static MethodHandle fieldCopy(MethodHandles.Lookup lookup, Class<?> type, Field field)
        throws IllegalAccessException {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new IllegalArgumentException("Weir copies the accumulated record before writing the result into it, "
                + "and field '" + field.getName() + "' of " + type.getName() + " is final: make it non-final, or use "
                + "reduce(...) and build the result yourself");
        }
        field.setAccessible(true);
        Class<?> fieldType = field.getType();
        MethodHandle getter = lookup.unreflectGetter(field)
            .asType(MethodType.methodType(fieldType, Object.class));
        MethodHandle setter = lookup.unreflectSetter(field)
            .asType(MethodType.methodType(void.class, Object.class, fieldType));
        return MethodHandles.filterArguments(setter, 1, getter).asType(FIELD_COPY);
    }

    @Override
    public Object copy(Object record) {
        if (record.getClass() != type) {
            throw new IllegalStateException("the aggregation was set up for records of " + type.getName()
                + " and received a " + record.getClass().getName() + ": keep one record class per aggregated stream");
        }
        try {
            Object copy = (Object) constructor.invokeExact();
            MethodHandle[] copies = fieldCopies;
            for (int i = 0; i < copies.length; i++) {
                copies[i].invokeExact(copy, record);
            }
            return copy;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("copying a " + type.getName() + " failed: " + t, t);
        }
    }
}
