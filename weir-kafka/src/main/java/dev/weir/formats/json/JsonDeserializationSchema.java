package dev.weir.formats.json;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.common.serialization.DeserializationSchema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/**
 * Reads each message as JSON into an instance of a class (a record, a POJO or {@code JsonNode}) with Jackson, as
 * Flink's {@code JsonDeserializationSchema}. Unknown properties are ignored; malformed JSON throws an
 * {@link IOException} that names what was wrong.
 */
public final class JsonDeserializationSchema<T> implements DeserializationSchema<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> type;
    private transient ObjectMapper mapper;

    public JsonDeserializationSchema(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public T deserialize(byte[] message) throws IOException {
        if (message == null) {
            return null;
        }
        if (mapper == null) {
            mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
        return mapper.readValue(message, type);
    }

    @Override
    public boolean isEndOfStream(T nextElement) {
        return false;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }
}
