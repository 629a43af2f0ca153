package dev.weir.engine.windowing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the {@link PrimitiveFields} subclass of one accumulator class: a hidden class whose static final
 * {@link VarHandle}s, one per field, come from its class data, so the JIT folds them into direct field accesses. The
 * bytecode never names the accumulator's class (it may live in a class loader this module cannot see); the handles do
 * the casts.
 */
final class PrimitiveFieldsBytecode implements Opcodes {
    private static final String SUPER = Type.getInternalName(PrimitiveFields.class);
    private static final String NAME = SUPER + "Of";
    private static final String VAR_HANDLE = Type.getInternalName(VarHandle.class);
    private static final String VAR_HANDLE_DESCRIPTOR = Type.getDescriptor(VarHandle.class);

    private PrimitiveFieldsBytecode() {
    }

    static PrimitiveFields define(Class<?> type, List<Field> fields, List<VarHandle> handles) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, SUPER, null);
        for (int i = 0; i < fields.size(); i++) {
            writer.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "f" + i, VAR_HANDLE_DESCRIPTOR, null, null).visitEnd();
        }
        staticInitializer(writer, fields.size());
        constructor(writer);
        load(writer, fields);
        store(writer, fields);
        writer.visitEnd();
        try {
            Class<?> generated = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(writer.toByteArray(), List.copyOf(handles), true).lookupClass();
            Constructor<?> constructor = generated.getDeclaredConstructor(int.class, Class.class);
            constructor.setAccessible(true);
            return (PrimitiveFields) constructor.newInstance(fields.size(), type);
        } catch (IllegalAccessException | InstantiationException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot define the field copier of " + type.getName() + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create the field copier of " + type.getName() + ": " + e.getCause(), e.getCause());
        }
    }

    private static void staticInitializer(ClassWriter writer, int count) {
        MethodVisitor m = begin(writer, ACC_STATIC, "<clinit>", "()V");
        m.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
        m.visitLdcInsn("_");
        m.visitLdcInsn(Type.getType(List.class));
        m.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false);
        m.visitTypeInsn(CHECKCAST, "java/util/List");
        m.visitVarInsn(ASTORE, 0);
        for (int i = 0; i < count; i++) {
            m.visitVarInsn(ALOAD, 0);
            m.visitLdcInsn(i);
            m.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "get", "(I)Ljava/lang/Object;", true);
            m.visitTypeInsn(CHECKCAST, VAR_HANDLE);
            m.visitFieldInsn(PUTSTATIC, NAME, "f" + i, VAR_HANDLE_DESCRIPTOR);
        }
        end(m);
    }

    private static void constructor(ClassWriter writer) {
        MethodVisitor m = begin(writer, 0, "<init>", "(ILjava/lang/Class;)V");
        m.visitVarInsn(ALOAD, 0);
        m.visitVarInsn(ILOAD, 1);
        m.visitVarInsn(ALOAD, 2);
        m.visitMethodInsn(INVOKESPECIAL, SUPER, "<init>", "(ILjava/lang/Class;)V", false);
        end(m);
    }

    /** {@code load(Object target, long[] data, int base)}: {@code f_i.set(target, (T) data[base + i])} per field. */
    private static void load(ClassWriter writer, List<Field> fields) {
        MethodVisitor m = begin(writer, 0, "load", "(Ljava/lang/Object;[JI)V");
        for (int i = 0; i < fields.size(); i++) {
            Class<?> t = fields.get(i).getType();
            m.visitFieldInsn(GETSTATIC, NAME, "f" + i, VAR_HANDLE_DESCRIPTOR);
            m.visitVarInsn(ALOAD, 1);
            element(m, i);
            m.visitInsn(LALOAD);
            fromLong(m, t);
            m.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "set", "(Ljava/lang/Object;" + Type.getDescriptor(t) + ")V", false);
        }
        end(m);
    }

    /** {@code store(Object source, long[] data, int base)}: {@code data[base + i] = (long) f_i.get(source)} per field. */
    private static void store(ClassWriter writer, List<Field> fields) {
        MethodVisitor m = begin(writer, 0, "store", "(Ljava/lang/Object;[JI)V");
        for (int i = 0; i < fields.size(); i++) {
            Class<?> t = fields.get(i).getType();
            element(m, i);
            m.visitFieldInsn(GETSTATIC, NAME, "f" + i, VAR_HANDLE_DESCRIPTOR);
            m.visitVarInsn(ALOAD, 1);
            m.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "get", "(Ljava/lang/Object;)" + Type.getDescriptor(t), false);
            toLong(m, t);
            m.visitInsn(LASTORE);
        }
        end(m);
    }

    private static MethodVisitor begin(ClassWriter writer, int access, String name, String descriptor) {
        MethodVisitor m = writer.visitMethod(access, name, descriptor, null, null);
        m.visitCode();
        return m;
    }

    private static void end(MethodVisitor m) {
        m.visitInsn(RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** Pushes {@code data} and {@code base + i}: the array element of field {@code i} (locals 2 and 3). */
    private static void element(MethodVisitor m, int i) {
        m.visitVarInsn(ALOAD, 2);
        m.visitVarInsn(ILOAD, 3);
        m.visitLdcInsn(i);
        m.visitInsn(IADD);
    }

    /** Turns the {@code long} on the stack into a value of {@code t}, without branches (no stack map frames). */
    private static void fromLong(MethodVisitor m, Class<?> t) {
        if (t == long.class) {
            return;
        }
        if (t == double.class) {
            m.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
            return;
        }
        if (t == boolean.class) {
            // (x | -x) >>> 63 is 1 for any x other than 0.
            m.visitInsn(DUP2);
            m.visitInsn(LNEG);
            m.visitInsn(LOR);
            m.visitIntInsn(BIPUSH, 63);
            m.visitInsn(LUSHR);
        }
        m.visitInsn(L2I);
        if (t == float.class) {
            m.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
        } else if (t == byte.class) {
            m.visitInsn(I2B);
        } else if (t == short.class) {
            m.visitInsn(I2S);
        } else if (t == char.class) {
            m.visitInsn(I2C);
        }
    }

    /** Turns a value of {@code t} on the stack into a {@code long}. */
    private static void toLong(MethodVisitor m, Class<?> t) {
        if (t == long.class) {
            return;
        }
        if (t == double.class) {
            m.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            return;
        }
        if (t == float.class) {
            m.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
        }
        m.visitInsn(I2L);
    }
}
