package dev.weir.formats.json;

import dev.weir.api.common.serialization.SerializationSchema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes each element as JSON with Jackson, as Flink's {@code JsonSerializationSchema}. */
public final class JsonSerializationSchema<T> implements SerializationSchema<T> {
    private static final long serialVersionUID = 1L;
    private transient ObjectMapper mapper;

    @Override
    public byte[] serialize(T element) {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        try {
            return mapper.writeValueAsBytes(element);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("JsonSerializationSchema cannot write " + element.getClass().getName()
                    + " as JSON: " + e.getOriginalMessage() + ". Give it public getters or fields, or use a record", e);
        }
    }
}
