package dev.weir.plan.aggregation;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes a POJO field through method handles found once: a public field, or a getter
 * ({@code getX}/{@code isX}) with its setter, as Flink's POJO rules allow; a Java record's components are read-only.
 */
final class PojoFieldStep implements FieldStep {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final String name;
    private final Class<?> declaredType;
    private final MethodHandle getter;
    private final MethodHandle setter;
    private final String readOnlyReason;

    private PojoFieldStep(String name, Class<?> declaredType, MethodHandle getter, MethodHandle setter,
                          String readOnlyReason) {
        this.name = name;
        this.declaredType = declaredType;
        this.getter = getter;
        this.setter = setter;
        this.readOnlyReason = readOnlyReason;
    }

    /**
     * The step for field {@code name} of {@code type}, or {@code null} when the type has no such field.
     *
     * @throws IllegalArgumentException when the field exists but Weir may not access it
     */
    static PojoFieldStep find(Class<?> type, String name) {
        try {
            for (Field field : type.getFields()) {
                if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
                    return forField(field);
                }
            }
            Method getter = getter(type, name);
            if (getter != null) {
                return forProperty(type, name, getter);
            }
            return type.isRecord() ? forRecordComponent(type, name) : null;
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("Weir cannot access field '" + name + "' (" + e
                + "): make the class public, or open its package to Weir's module", e);
        }
    }

    /** The fields an aggregation can address, with their declared types, in name order. */
    static Map<String, Class<?>> fieldsOf(Class<?> type) {
        Map<String, Class<?>> fields = new TreeMap<>();
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.put(field.getName(), field.getType());
            }
        }
        for (Method method : type.getMethods()) {
            String property = propertyOf(method);
            if (property != null) {
                fields.putIfAbsent(property, method.getReturnType());
            }
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.putIfAbsent(component.getName(), component.getType());
            }
        }
        return fields;
    }

    Class<?> declaredType() {
        return declaredType;
    }

    /** Why the field cannot be written, or {@code null} when it can. */
    String readOnlyReason() {
        return readOnlyReason;
    }

    @Override
    public Object get(Object holder) {
        try {
            return (Object) getter.invokeExact(holder);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("reading field '" + name + "' failed: " + t, t);
        }
    }

    @Override
    public void set(Object holder, Object value) {
        try {
            setter.invokeExact(holder, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("writing field '" + name + "' failed: " + t, t);
        }
    }

    @Override
    public String name() {
        return name;
    }

    private static PojoFieldStep forField(Field field) throws IllegalAccessException {
        field.setAccessible(true);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle getter = lookup.unreflectGetter(field).asType(GETTER);
        if (Modifier.isFinal(field.getModifiers())) {
            return new PojoFieldStep(field.getName(), field.getType(), getter, null, "it is final");
        }
        MethodHandle setter = lookup.unreflectSetter(field).asType(SETTER);
        return new PojoFieldStep(field.getName(), field.getType(), getter, setter, null);
    }

    private static PojoFieldStep forProperty(Class<?> type, String name, Method getterMethod)
        throws IllegalAccessException {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        getterMethod.setAccessible(true);
        MethodHandle getter = lookup.unreflect(getterMethod).asType(GETTER);
        Class<?> fieldType = getterMethod.getReturnType();
        Method setterMethod = setter(type, name, fieldType);
        if (setterMethod == null) {
            return new PojoFieldStep(name, fieldType, getter, null,
                "it has the getter " + getterMethod.getName() + "() but no setter set" + capitalized(name) + "("
                    + fieldType.getSimpleName() + ")");
        }
        setterMethod.setAccessible(true);
        MethodHandle setter = lookup.unreflect(setterMethod).asType(SETTER);
        return new PojoFieldStep(name, fieldType, getter, setter, null);
    }

    // Records are immutable: their components can be read (minBy/maxBy) but never written.
    private static PojoFieldStep forRecordComponent(Class<?> type, String name) throws IllegalAccessException {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                MethodHandle getter = MethodHandles.lookup().unreflect(accessor).asType(GETTER);
                return new PojoFieldStep(name, component.getType(), getter, null,
                    "it is a component of a Java record, and records are immutable");
            }
        }
        return null;
    }

    private static Method getter(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            if (name.equals(propertyOf(method))) {
                return method;
            }
        }
        return null;
    }

    private static Method setter(Class<?> type, String name, Class<?> fieldType) {
        String setterName = "set" + capitalized(name);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(setterName) && method.getParameterCount() == 1
                && !Modifier.isStatic(method.getModifiers()) && method.getParameterTypes()[0] == fieldType) {
                return method;
            }
        }
        return null;
    }

    /** The property a getter reads ({@code getPrice} reads {@code price}), or {@code null} for other methods. */
    private static String propertyOf(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
            || method.getReturnType() == void.class || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String methodName = method.getName();
        if (methodName.startsWith("get") && methodName.length() > 3) {
            return decapitalized(methodName.substring(3));
        }
        boolean isBoolean = method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class;
        if (isBoolean && methodName.startsWith("is") && methodName.length() > 2) {
            return decapitalized(methodName.substring(2));
        }
        return null;
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static String decapitalized(String name) {
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
