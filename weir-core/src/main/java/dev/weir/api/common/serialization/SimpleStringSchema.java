package dev.weir.api.common.serialization;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.common.typeinfo.Types;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Strings to and from bytes in one charset (UTF-8 by default), as Flink's {@code SimpleStringSchema}. */
public final class SimpleStringSchema implements DeserializationSchema<String>, SerializationSchema<String> {
    private static final long serialVersionUID = 1L;
    // A name, not a Charset: a schema is Serializable and Charset is not.
    private final String charset;
    private transient Charset resolved;

    public SimpleStringSchema() {
        this(StandardCharsets.UTF_8);
    }

    public SimpleStringSchema(Charset charset) {
        this.charset = charset.name();
    }

    @Override
    public String deserialize(byte[] message) {
        return message == null ? null : new String(message, charset());
    }

    /** Never: a string stream has no end marker. */
    @Override
    public boolean isEndOfStream(String nextElement) {
        return false;
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    @Override
    public byte[] serialize(String element) {
        return element.getBytes(charset());
    }

    private Charset charset() {
        if (resolved == null) {
            resolved = Charset.forName(charset);
        }
        return resolved;
    }
}
