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
 * Copies a function by Java serialization, for {@link FunctionCopier}. Kept apart so that a job whose functions need
 * no copy (one subtask each, or only final values) never loads Java serialization's classes at start-up.
 */
final class SerializedCopy {
    private SerializedCopy() {
    }

    /**
     * A deep copy of {@code function} by Java serialization.
     *
     * @throws InvalidProgramException when it cannot be serialized, saying {@code why} it is copied and what to change
     */
    @SuppressWarnings("unchecked")
    static <F> F of(F function, String why) {
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
