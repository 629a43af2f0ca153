package dev.weir.engine.operators;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates an instance of a small hot-path class (a chained input, a map operator) from a private copy of the class, a
 * hidden class with the same bytecode. Each copy has its own call-site profiles, so the JIT sees one target per
 * call — the next operator, the user's function — and inlines the whole chain, however many other jobs and operators
 * the JVM runs. Without this, one class shared by every chain makes those calls megamorphic: a JVM that ran a keyed
 * job first ran a stateless job at half the speed (measured with weir-bench's workloads 6 then 1).
 *
 * <p>Copies are shared by shape: one copy per template and "what it calls" (the user's function class, the next
 * operator's class). A job run again — or another job of the same shape — reuses the copies and their compiled code,
 * instead of warming up new classes every time (that made short benchmark rounds bimodal).
 *
 * <p>The first callee a template serves in this JVM gets the template itself, whose profiles then see only that
 * callee: a JVM that runs one job (a user's first run, a start-up) reads and defines no copies at all — reading a
 * class's bytes goes through a jar URL connection, about fifteen JDK classes outside the CDS archive. Later callees get
 * copies.
 *
 * <p>Only classes without inner classes that touch their private members are cloned. When the JVM refuses (no
 * bytecode found, a security manager), the ordinary class is used.
 */
public final class ClassCloner {
    private static final Map<Class<?>, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final boolean ENABLED = !Boolean.getBoolean("weir.cloning.disabled");
    /** Copies by the class they call into; tied to that class's lifetime, so user classes can be unloaded. */
    private static final ClassValue<Map<Class<?>, Class<?>>> COPIES = new ClassValue<>() {
        @Override
        protected Map<Class<?>, Class<?>> computeValue(Class<?> callee) {
            return new ConcurrentHashMap<>();
        }
    };

    /** The callee each template serves uncopied: the first one asked for; weak, so a user's class can be unloaded. */
    private static final ClassValue<FirstCallee> FIRST_CALLEE = new ClassValue<>() {
        @Override
        protected FirstCallee computeValue(Class<?> template) {
            return new FirstCallee();
        }
    };

    /** The one callee a template's own class is reserved for, claimed once. */
    private static final class FirstCallee {
        private java.lang.ref.WeakReference<Class<?>> callee;

        /** Whether {@code candidate} is (now or already) the callee the template's own class serves. */
        synchronized boolean claim(Class<?> candidate) {
            if (callee == null) {
                callee = new java.lang.ref.WeakReference<>(candidate);
                return true;
            }
            return callee.get() == candidate;
        }
    }

    private ClassCloner() {
    }

    /**
     * A new instance of the copy of {@code template} for {@code callee} (the class the instance will call: the
     * user's function, the next operator), built by its constructor taking {@code parameterTypes}.
     */
    @SuppressWarnings("unchecked")
    public static <T> T newInstance(Class<T> template, Class<?> callee, Class<?>[] parameterTypes, Object... arguments) {
        try {
            Class<?> type = !ENABLED || FIRST_CALLEE.get(template).claim(callee) ? template : sharedCopy(template, callee);
            // Reflection rather than MethodHandle.invokeWithArguments, which spins about twenty lambda-form classes
            // on the first job of a JVM (startup); this runs once per operator and subtask, never per record.
            Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return (T) constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("cannot create " + template.getName() + ": " + cause, cause);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create " + template.getName() + ": " + t, t);
        }
    }

    /** The copy of {@code template} for {@code callee}, made once (get and putIfAbsent: no lambda to link at start). */
    private static Class<?> sharedCopy(Class<?> template, Class<?> callee) {
        Map<Class<?>, Class<?>> copies = COPIES.get(callee);
        Class<?> copy = copies.get(template);
        if (copy == null) {
            copy = copyOf(template);
            Class<?> raced = copies.putIfAbsent(template, copy);
            copy = raced != null ? raced : copy;
        }
        return copy;
    }

    private static Class<?> copyOf(Class<?> template) {
        byte[] bytes = BYTES.get(template);
        if (bytes == null) {
            bytes = readBytes(template);
            BYTES.putIfAbsent(template, bytes);
        }
        if (bytes.length == 0) {
            return template;
        }
        try {
            return MethodHandles.privateLookupIn(template, MethodHandles.lookup()).defineHiddenClass(bytes, true).lookupClass();
        } catch (IllegalAccessException | LinkageError e) {
            return template;
        }
    }

    private static byte[] readBytes(Class<?> template) {
        String resource = template.getName().replace('.', '/') + ".class";
        ClassLoader loader = template.getClassLoader() != null ? template.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
