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
 * serialization of the function object; records are never copied.
 */
public final class FunctionCopier {
    private FunctionCopier() {
    }

    /**
     * Returns {@code function} itself when the operator runs in one subtask, else a deep copy.
     *
     * @throws InvalidProgramException naming the operator when the function cannot be copied
     */
    @SuppressWarnings("unchecked")
    public static <F> F copyFor(F function, int parallelism, String operator) {
        if (parallelism == 1 || function == null) {
            return function;
        }
        ClosureCleaner.clean(function);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Map<String, Class<?>> written = new HashMap<>();
            try (ObjectOutputStream out = new RecordingObjectOutputStream(bytes, written)) {
                out.writeObject(function);
            }
            ClassLoader loader = function.getClass().getClassLoader();
            try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()), written, loader)) {
                return (F) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new InvalidProgramException(operator + " runs in " + parallelism + " parallel subtasks, so each needs its own copy of "
                    + "its function, but the function (" + function.getClass().getName() + ") cannot be serialized: " + e
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
     * Resolves each class to the one that was written. A user function from a job jar is often held by a Weir
     * wrapper (a window's or a join's function) that Weir's own loader defined, so neither the wrapper's loader nor
     * the thread's is sure to see the user's classes; the written classes always are the right ones.
     */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final Map<String, Class<?>> written;
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, Map<String, Class<?>> written, ClassLoader loader) throws IOException {
            super(in);
            this.written = written;
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            Class<?> type = written.get(desc.getName());
            if (type != null) {
                return type;
            }
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
