package dev.weir.streaming.api.functions.sink.filesystem.bucketassigners;

import dev.weir.core.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Serializes bucket ids that are strings, as UTF-8 bytes; what Flink's string bucket assigners return. */
public final class SimpleVersionedStringSerializer implements SimpleVersionedSerializer<String> {
    /** The one instance. */
    public static final SimpleVersionedStringSerializer INSTANCE = new SimpleVersionedStringSerializer();

    private SimpleVersionedStringSerializer() {
    }

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("SimpleVersionedStringSerializer reads version 1 only, not version " + version);
        }
        return new String(serialized, StandardCharsets.UTF_8);
    }
}
