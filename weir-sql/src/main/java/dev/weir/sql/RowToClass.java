package dev.weir.sql;

import dev.weir.api.common.functions.MapFunction;
import dev.weir.table.api.ValidationException;
import dev.weir.table.types.DataType;
import dev.weir.types.Row;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a table's rows (external form) into instances of a class, as Flink's {@code toDataStream(table, Class)}: the one
 * column of a table into an atomic value ({@code String}, {@code Long}...), or the columns into a POJO's fields by
 * name (public fields or setters, public no-argument constructor). The match is checked when the stream is built;
 * the setters are looked up again, once, in each copy that runs.
 */
final class RowToClass<T> implements MapFunction<Row, T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> target;
    /** The POJO's property per column, or null for an atomic value. */
    private final String[] properties;
    private transient MethodHandle constructor;
    private transient MethodHandle[] setters;
    /** Whether property i is primitive, so a null column value leaves its default (0, false) instead. */
    private transient boolean[] primitive;

    private RowToClass(Class<T> target, String[] properties) {
        this.target = target;
        this.properties = properties;
    }

    /** The conversion of rows of {@code names} and {@code types} into {@code target}; refuses a class that does not match. */
    static <T> RowToClass<T> of(Class<T> target, List<String> names, List<DataType> types) {
        if (names.size() == 1 && assignable(target, types.get(0).getConversionClass())) {
            return new RowToClass<>(target, null);
        }
        if (!Modifier.isPublic(target.getModifiers()) || target.isPrimitive() || target.isArray() || target.isInterface()
                || Modifier.isAbstract(target.getModifiers()) || publicConstructor(target) == null) {
            throw new ValidationException("Cannot convert the table's columns " + names + " to " + target.getName() + ": a "
                    + "table of one column converts to its value's class (" + (names.size() == 1 ? types.get(0).getConversionClass()
                    .getSimpleName() : "not this one") + "), a table of several to a public class with a public no-argument "
                    + "constructor and a field or setter per column");
        }
        List<String> properties = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Class<?> type = propertyType(target, names.get(i));
            if (type == null) {
                throw new ValidationException("Column '" + names.get(i) + "' has no public field or setter in " + target.getName()
                        + "; columns map to fields by name, so rename the column (AS " + names.get(i) + ") or add the field");
            }
            if (!assignable(type, types.get(i).getConversionClass())) {
                throw new ValidationException("Column '" + names.get(i) + "' of type " + types.get(i) + " cannot be assigned to "
                        + target.getSimpleName() + "." + names.get(i) + " of type " + type.getName() + "; cast the column "
                        + "(CAST(" + names.get(i) + " AS ...)) or change the field's type to "
                        + types.get(i).getConversionClass().getName());
            }
            properties.add(names.get(i));
        }
        return new RowToClass<>(target, properties.toArray(new String[0]));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T map(Row row) throws Exception {
        if (properties == null) {
            return (T) row.getField(0);
        }
        if (setters == null) {
            resolve();
        }
        Object instance;
        try {
            instance = constructor.invoke();
            for (int i = 0; i < setters.length; i++) {
                Object value = row.getField(i);
                if (value != null || !primitive[i]) {
                    setters[i].invoke(instance, value);
                }
            }
        } catch (Throwable t) {
            throw new IllegalStateException("Could not convert row " + row + " to " + target.getName() + ": " + t, t);
        }
        return (T) instance;
    }

    private void resolve() throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        constructor = lookup.findConstructor(target, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class));
        MethodHandle[] handles = new MethodHandle[properties.length];
        primitive = new boolean[properties.length];
        for (int i = 0; i < properties.length; i++) {
            Method setter = setter(target, properties[i]);
            MethodHandle handle = setter != null ? lookup.unreflect(setter) : lookup.unreflectSetter(field(target, properties[i]));
            primitive[i] = handle.type().parameterType(1).isPrimitive();
            // (Object, Object)void: casts the instance, and unboxes the value for a primitive field.
            handles[i] = handle.asType(MethodType.methodType(void.class, Object.class, Object.class));
        }
        setters = handles;
    }

    private static java.lang.reflect.Constructor<?> publicConstructor(Class<?> type) {
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Class<?> propertyType(Class<?> type, String name) {
        Method setter = setter(type, name);
        if (setter != null) {
            return setter.getParameterTypes()[0];
        }
        Field field = field(type, name);
        return field == null ? null : field.getType();
    }

    private static Method setter(Class<?> type, String name) {
        String setterName = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getName().equals(setterName) && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        return null;
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getField(name);
            return Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers()) ? null : f;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** Whether a value of {@code valueClass} can be stored where {@code declared} is expected, boxing included. */
    private static boolean assignable(Class<?> declared, Class<?> valueClass) {
        return box(declared).isAssignableFrom(valueClass);
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return MethodType.methodType(type).wrap().returnType();
    }
}
