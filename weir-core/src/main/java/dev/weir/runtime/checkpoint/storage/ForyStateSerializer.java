package dev.weir.runtime.checkpoint.storage;

import org.apache.fory.Fory;
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

    @Override
    public byte[] serialize(Object value) {
        return fory.serialize(value);
    }

    @Override
    public Object deserialize(byte[] bytes) {
        return fory.deserialize(bytes);
    }

    @Override
    public Object deserialize(byte[] bytes, int offset, int length) {
        return fory.deserialize(MemoryBuffer.fromByteArray(bytes, offset, length));
    }

    @Override
    public Object copy(Object value) {
        return fory.copy(value);
    }
}
