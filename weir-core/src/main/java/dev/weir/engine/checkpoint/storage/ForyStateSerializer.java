package dev.weir.engine.checkpoint.storage;

import org.apache.fory.Fory;
import org.apache.fory.builder.JITContext;
import org.apache.fory.config.CompatibleMode;
import org.apache.fory.config.Language;
import org.apache.fory.memory.MemoryBuffer;

/**
 * {@link StateSerializer} on Apache Fory in compatible mode: fields are matched by name when reading, so
 * state classes may gain and lose fields between a snapshot and its restore.
 */
final class ForyStateSerializer implements StateSerializer {
    private final Fory fory;

    ForyStateSerializer(ClassLoader classLoader) {
        this.fory = Fory.builder()
                .withLanguage(Language.JAVA)
                // Users never register their state classes, as with Flink's Kryo fallback.
                .requireClassRegistration(false)
                .suppressClassRegistrationWarnings(true)
                // State values are trees; like Flink's POJO serializer, shared references are not preserved.
                .withRefTracking(false)
                .withCompatibleMode(CompatibleMode.COMPATIBLE)
                // Serialize through the interpreter while serializers compile in the background: a job's first
                // checkpoint would otherwise wait over a second for code generation.
                .withAsyncCompilation(true)
                .withClassLoader(classLoader)
                .build();
    }

    // Every call holds Fory's JIT lock (reentrant; serialize also takes it, copy and untyped deserialize do not):
    // without it the background compiler changed the type maps under a task's snapshot copy, which then failed
    // with a ConcurrentModificationException (surfacing as a ClassCastException to StackOverflowError) and the
    // checkpoint was declined.

    @Override
    public byte[] serialize(Object value) {
        JITContext jit = fory.getJITContext();
        jit.lock();
        try {
            return fory.serialize(value);
        } finally {
            jit.unlock();
        }
    }

    @Override
    public Object deserialize(byte[] bytes) {
        JITContext jit = fory.getJITContext();
        jit.lock();
        try {
            return fory.deserialize(bytes);
        } finally {
            jit.unlock();
        }
    }

    @Override
    public Object deserialize(byte[] bytes, int offset, int length) {
        JITContext jit = fory.getJITContext();
        jit.lock();
        try {
            return fory.deserialize(MemoryBuffer.fromByteArray(bytes, offset, length));
        } finally {
            jit.unlock();
        }
    }

    @Override
    public Object copy(Object value) {
        JITContext jit = fory.getJITContext();
        jit.lock();
        try {
            return fory.copy(value);
        } finally {
            // Fory remembers every original it copies with its copy, to preserve shared references, but clears that
            // map after a copy only with copy ref tracking on; its record copier fills the map even with tracking
            // off. Without this reset a task's copier kept every state value it ever snapshotted and its copy
            // (issue 14: the old generation grew with each checkpoint).
            fory.resetCopy();
            jit.unlock();
        }
    }
}
