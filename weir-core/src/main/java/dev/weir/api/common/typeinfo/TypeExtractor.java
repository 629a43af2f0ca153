package dev.weir.api.common.typeinfo;

import dev.weir.api.common.typeinfo.ClassTypeInfo;
import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.common.typeinfo.Types;

import dev.weir.api.java.tuple.Tuple;
import dev.weir.api.java.typeutils.TupleTypeInfo;
import dev.weir.api.common.typeinfo.ClassTypeInfo.Kind;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Derives type information from Java reflection types, leniently: what it cannot name becomes a generic type. */
final class TypeExtractor {
    private static final Map<Class<?>, TypeInformation<?>> BASIC = new HashMap<>();

    static {
        TypeInformation<?>[] basics = {
            Types.VOID, Types.STRING, Types.BYTE, Types.BOOLEAN, Types.SHORT, Types.INT, Types.LONG, Types.FLOAT,
            Types.DOUBLE, Types.CHAR, Types.BIG_INT, Types.BIG_DEC, Types.SQL_DATE, Types.SQL_TIME,
            Types.SQL_TIMESTAMP, Types.LOCAL_DATE, Types.LOCAL_TIME, Types.LOCAL_DATE_TIME, Types.INSTANT,
            BasicTypeInfo.DATE_TYPE_INFO
        };
        for (TypeInformation<?> basic : basics) {
            BASIC.put(basic.getTypeClass(), basic);
        }
        Class<?>[] primitives = {void.class, byte.class, boolean.class, short.class, int.class, long.class,
            float.class, double.class, char.class};
        TypeInformation<?>[] boxed = {Types.VOID, Types.BYTE, Types.BOOLEAN, Types.SHORT, Types.INT, Types.LONG,
            Types.FLOAT, Types.DOUBLE, Types.CHAR};
        for (int i = 0; i < primitives.length; i++) {
            BASIC.put(primitives[i], boxed[i]);
        }
    }

    private TypeExtractor() {
    }

    @SuppressWarnings("unchecked")
    static <T> TypeInformation<T> forClass(Class<T> type) {
        return (TypeInformation<T>) forType(type, new HashSet<>());
    }

    static TypeInformation<?> forType(Type type) {
        return forType(type, new HashSet<>());
    }

    @SuppressWarnings("unchecked")
    static <T> TypeInformation<T> pojo(Class<T> type) {
        return (TypeInformation<T>) pojo(type, new HashSet<>());
    }

    /** The names of the non-static, non-transient fields of a class and its superclasses. */
    static List<String> fieldNames(Class<?> type) {
        return new ArrayList<>(dataFields(type).keySet());
    }

    private static TypeInformation<?> forType(Type type, Set<Class<?>> visiting) {
        if (type instanceof Class) {
            return forClass((Class<?>) type, visiting);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType parameterized = (ParameterizedType) type;
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                return Types.LIST(forType(args[0], visiting));
            }
            if (raw == Map.class) {
                return Types.MAP(forType(args[0], visiting), forType(args[1], visiting));
            }
            if (isPlainTuple(raw)) {
                return tuple(raw, args, visiting);
            }
            return forClass(raw, visiting);
        }
        if (type instanceof GenericArrayType) {
            return Types.OBJECT_ARRAY(forType(((GenericArrayType) type).getGenericComponentType(), visiting));
        }
        if (type instanceof WildcardType) {
            return forType(((WildcardType) type).getUpperBounds()[0], visiting);
        }
        if (type instanceof TypeVariable) {
            return forType(((TypeVariable<?>) type).getBounds()[0], visiting);
        }
        return Types.GENERIC(Object.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TypeInformation<?> forClass(Class<?> type, Set<Class<?>> visiting) {
        TypeInformation<?> basic = BASIC.get(type);
        if (basic != null) {
            return basic;
        }
        if (type.isArray()) {
            Class<?> component = type.getComponentType();
            return component.isPrimitive()
                ? Types.PRIMITIVE_ARRAY(BASIC.get(component))
                : Types.OBJECT_ARRAY(forClass(component, visiting));
        }
        if (type.isEnum()) {
            return Types.ENUM((Class) type);
        }
        if (visiting.contains(type)) {
            // A type that contains itself is described once; the inner occurrence stays opaque.
            return Types.GENERIC(type);
        }
        if (Tuple.class.isAssignableFrom(type) && type != Tuple.class) {
            visiting.add(type);
            TypeInformation<?> tuple = tupleSubclass(type, visiting);
            visiting.remove(type);
            return tuple;
        }
        if (looksLikePojo(type)) {
            return pojo(type, visiting);
        }
        return Types.GENERIC(type);
    }

    private static boolean isPlainTuple(Class<?> type) {
        return Tuple.class.isAssignableFrom(type) && type.getSuperclass() == Tuple.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static TypeInformation<?> newTupleInfo(Class<?> tupleClass, TypeInformation<?>[] fields) {
        return new TupleTypeInfo((Class<? extends Tuple>) tupleClass, fields);
    }

    private static TypeInformation<?> tuple(Class<?> tupleClass, Type[] fieldTypes, Set<Class<?>> visiting) {
        List<TypeInformation<?>> fields = new ArrayList<>(fieldTypes.length);
        for (Type fieldType : fieldTypes) {
            fields.add(forType(fieldType, visiting));
        }
        return newTupleInfo(tupleClass, fields.toArray(new TypeInformation<?>[0]));
    }

    // A raw TupleN has unknown field types; a subclass names them in its generic superclass.
    private static TypeInformation<?> tupleSubclass(Class<?> type, Set<Class<?>> visiting) {
        Class<?> current = type;
        while (!isPlainTuple(current)) {
            Type generic = current.getGenericSuperclass();
            current = current.getSuperclass();
            if (isPlainTuple(current) && generic instanceof ParameterizedType) {
                return tuple(type, ((ParameterizedType) generic).getActualTypeArguments(), visiting);
            }
        }
        Type[] unknown = current.getTypeParameters();
        return tuple(type, unknown, visiting);
    }

    private static TypeInformation<?> pojo(Class<?> type, Set<Class<?>> visiting) {
        visiting.add(type);
        TreeMap<String, Field> fields = dataFields(type);
        List<TypeInformation<?>> fieldTypes = new ArrayList<>(fields.size());
        for (Field field : fields.values()) {
            fieldTypes.add(forType(field.getGenericType(), visiting));
        }
        visiting.remove(type);
        return new ClassTypeInfo<>(Kind.POJO, type, fieldTypes, new ArrayList<>(fields.keySet()));
    }

    private static TreeMap<String, Field> dataFields(Class<?> type) {
        TreeMap<String, Field> fields = new TreeMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    fields.putIfAbsent(field.getName(), field);
                }
            }
        }
        return fields;
    }

    // Flink's POJO rules: a public, concrete, top-level or static class with a public no-argument constructor.
    private static boolean looksLikePojo(Class<?> type) {
        int modifiers = type.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers) || type.isInterface()
            || (type.isMemberClass() && !Modifier.isStatic(modifiers)) || type.getName().startsWith("java.")) {
            return false;
        }
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers()) && !dataFields(type).isEmpty();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
