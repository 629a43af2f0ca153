package dev.weir.engine.operators;

import dev.weir.api.common.InvalidProgramException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each parallel subtask its own instance of a user function, as Flink does, so that fields (and the runtime
 * context of a rich function) are not shared between threads. The copy is made once, when the job starts, by Java
 * serialization of the function object; records are never copied. A function that holds only final values (or
 * nothing) is shared instead: no subtask could change it, and a copy would differ from it in identity only.
 */
public final class FunctionCopier {
    private FunctionCopier() {
    }

    /**
     * Returns {@code function} itself when the operator runs in one subtask, else a deep copy.
     *
     * @throws InvalidProgramException naming the operator when the function cannot be copied
     */
    public static <F> F copyFor(F function, int parallelism, String operator) {
        if (parallelism == 1 || function == null) {
            return function;
        }
        return copy(function, operator + " runs in " + parallelism + " parallel subtasks, so each needs its own copy of its function");
    }

    /**
     * A deep copy of {@code function} whatever the parallelism: for functions whose fields must start fresh in every
     * attempt, such as a legacy source's running flag, which its {@code cancel()} cleared in the attempt before.
     */
    public static <F> F copyForAttempt(F function, String operator) {
        return function == null ? null : copy(function, operator + " starts every attempt with a fresh copy of its function, "
                + "as Flink deserializes it for every attempt");
    }

    @SuppressWarnings("unchecked")
    private static <F> F copy(F function, String why) {
        if (ValueOnlyClasses.isValueOnly(function.getClass())) {
            return function;
        }
        ClosureCleaner.clean(function);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Map<String, Class<?>> written = new HashMap<>();
            try (ObjectOutputStream out = new RecordingObjectOutputStream(bytes, written)) {
                out.writeObject(function);
            }
            ClassLoader user = Thread.currentThread().getContextClassLoader();
            try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()), written,
                    user, function.getClass().getClassLoader())) {
                return (F) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new InvalidProgramException(why + ", but the function (" + function.getClass().getName() + ") cannot be serialized: " + e
                    + ". Make the fields it captures serializable, or mark them transient and create them in open()", e);
        }
    }

    /** Remembers every class it writes, so the copy is made of exactly those classes whatever loader defined them. */
    private static final class RecordingObjectOutputStream extends ObjectOutputStream {
        private final Map<String, Class<?>> written;

        RecordingObjectOutputStream(OutputStream out, Map<String, Class<?>> written) throws IOException {
            super(out);
            this.written = written;
        }

        @Override
        protected void annotateClass(Class<?> type) {
            written.put(type.getName(), type);
        }
    }

    /**
     * Resolves each class to the one that was written; a class not written (a proxy's interfaces, say) through the
     * job's user-code class loader (the context class loader of the thread building the job's tasks, a jar's for
     * {@code weir run}), then the function's own loader. A user function from a job jar is often held by a Weir
     * wrapper (a window's or a join's function) that Weir's own loader defined, so neither the wrapper's loader nor
     * the thread's is sure to see the user's classes; the written classes always are the right ones.
     */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final Map<String, Class<?>> written;
        private final ClassLoader user;
        private final ClassLoader function;

        LoaderObjectInputStream(InputStream in, Map<String, Class<?>> written, ClassLoader user, ClassLoader function)
                throws IOException {
            super(in);
            this.written = written;
            this.user = user;
            this.function = function;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            Class<?> type = written.get(desc.getName());
            if (type != null) {
                return type;
            }
            for (ClassLoader loader : new ClassLoader[] {user, function}) {
                if (loader != null) {
                    try {
                        return Class.forName(desc.getName(), false, loader);
                    } catch (ClassNotFoundException e) {
                        // the next loader may know it
                    }
                }
            }
            return super.resolveClass(desc);
        }
    }
}
