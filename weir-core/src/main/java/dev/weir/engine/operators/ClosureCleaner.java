package dev.weir.engine.operators;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Drops the reference an anonymous or inner function class keeps to its enclosing instance when the function never
 * uses it and the enclosing instance is not serializable — the usual case of {@code new MapFunction<>() {...}} written
 * inside a test or a {@code main} class. Flink does the same, so jobs written this way copy to every subtask.
 */
final class ClosureCleaner {
    private ClosureCleaner() {
    }

    private static final int MAX_DEPTH = 3;

    /**
     * Clears the unused enclosing-instance field of {@code function}, if it has one that would block serialization,
     * and does the same for the objects its fields hold (e.g. an anonymous {@code OutputTag} it captured), as Flink's
     * recursive closure cleaner does.
     */
    static void clean(Object function) {
        clean(function, 0);
    }

    private static void clean(Object function, int depth) {
        Class<?> type = function.getClass();
        if (depth > MAX_DEPTH || type.isArray() || type.getName().startsWith("java.")) {
            return;
        }
        Field outer = outerField(type);
        try {
            if (outer != null) {
                outer.setAccessible(true);
                Object enclosing = outer.get(function);
                if (enclosing != null && !(enclosing instanceof Serializable) && !usesField(type, outer.getName())) {
                    outer.set(function, null);
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (f != outer && !f.getType().isPrimitive() && !java.lang.reflect.Modifier.isStatic(f.getModifiers())
                        && !java.lang.reflect.Modifier.isTransient(f.getModifiers())) {
                    f.setAccessible(true);
                    Object value = f.get(function);
                    if (value != null) {
                        clean(value, depth + 1);
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            // Leave the function as it is: the copy then fails with a message naming the function.
        }
    }

    private static Field outerField(Class<?> type) {
        for (Field f : type.getDeclaredFields()) {
            if (f.isSynthetic() && f.getName().startsWith("this$")) {
                return f;
            }
        }
        return null;
    }

    /** Whether any method other than a constructor reads the field. */
    private static boolean usesField(Class<?> type, String field) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return true;
            }
            boolean[] used = {false};
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    if (name.equals("<init>")) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                            if (opcode == Opcodes.GETFIELD && fieldName.equals(field)) {
                                used[0] = true;
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return used[0];
        }
    }
}
