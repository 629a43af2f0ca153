package dev.weir.sql.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Generates a {@link PropertyReader} per element class and property: a hidden class whose methods read the public field
 * or call the public getter directly (no reflection, no method handle per element), boxing as Java does. Only for
 * properties of a primitive integer or a reference type; others are read through method handles.
 */
final class GeneratedPropertyReaders {
    private static final String READER = Type.getInternalName(PropertyReader.class);

    private GeneratedPropertyReaders() {
    }

    /** The generated reader of property {@code name} of {@code type}, or null where none is generated. */
    static PropertyReader of(Class<?> type, String name) {
        if (!Modifier.isPublic(type.getModifiers()) || name.isEmpty()) {
            return null;
        }
        Method getter = getter(type, name);
        Class<?> valueType;
        if (getter != null) {
            valueType = getter.getReturnType();
        } else {
            try {
                Field field = type.getField(name);
                if (Modifier.isStatic(field.getModifiers())) {
                    return null;
                }
                valueType = field.getType();
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
        boolean integral = valueType == long.class || valueType == int.class || valueType == short.class || valueType == byte.class;
        if (valueType.isPrimitive() && !integral) {
            return null;
        }
        byte[] bytes = generate(type, name, getter, valueType, integral);
        try {
            return (PropertyReader) MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass()
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static Method getter(Class<?> type, String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {"get" + capitalized, "is" + capitalized, name}) {
            try {
                Method m = type.getMethod(candidate);
                if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }

    private static byte[] generate(Class<?> type, String name, Method getter, Class<?> valueType, boolean integral) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, READER + "$Generated", null, READER, null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, READER, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor read = cw.visitMethod(Opcodes.ACC_PUBLIC, "read", "(Ljava/lang/Object;)Ljava/lang/Object;", null, null);
        read.visitCode();
        load(read, type, name, getter, valueType);
        if (valueType.isPrimitive()) {
            Class<?> box = valueType == long.class ? Long.class : valueType == int.class ? Integer.class
                    : valueType == short.class ? Short.class : Byte.class;
            read.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(box), "valueOf",
                    "(" + Type.getDescriptor(valueType) + ")" + Type.getDescriptor(box), false);
        }
        read.visitInsn(Opcodes.ARETURN);
        read.visitMaxs(0, 0);
        read.visitEnd();

        MethodVisitor readLong = cw.visitMethod(Opcodes.ACC_PUBLIC, "readLong", "(Ljava/lang/Object;)J", null, null);
        readLong.visitCode();
        if (integral) {
            load(readLong, type, name, getter, valueType);
            if (valueType != long.class) {
                readLong.visitInsn(Opcodes.I2L);
            }
            readLong.visitInsn(Opcodes.LRETURN);
        } else {
            String unsupported = Type.getInternalName(UnsupportedOperationException.class);
            readLong.visitTypeInsn(Opcodes.NEW, unsupported);
            readLong.visitInsn(Opcodes.DUP);
            readLong.visitLdcInsn("Property '" + name + "' is no primitive integer");
            readLong.visitMethodInsn(Opcodes.INVOKESPECIAL, unsupported, "<init>", "(Ljava/lang/String;)V", false);
            readLong.visitInsn(Opcodes.ATHROW);
        }
        readLong.visitMaxs(0, 0);
        readLong.visitEnd();

        MethodVisitor isIntegral = cw.visitMethod(Opcodes.ACC_PUBLIC, "integral", "()Z", null, null);
        isIntegral.visitCode();
        isIntegral.visitInsn(integral ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
        isIntegral.visitInsn(Opcodes.IRETURN);
        isIntegral.visitMaxs(0, 0);
        isIntegral.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Pushes the property's value of the element in local 1. */
    private static void load(MethodVisitor mv, Class<?> type, String name, Method getter, Class<?> valueType) {
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        if (getter != null) {
            Class<?> owner = getter.getDeclaringClass();
            mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(owner));
            mv.visitMethodInsn(owner.isInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL, Type.getInternalName(owner),
                    getter.getName(), Type.getMethodDescriptor(getter), owner.isInterface());
        } else {
            mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(type));
            mv.visitFieldInsn(Opcodes.GETFIELD, Type.getInternalName(type), name, Type.getDescriptor(valueType));
        }
    }
}
